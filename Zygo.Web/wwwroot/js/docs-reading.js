// Reading progress for /documentation: reports the scroll position as a share of the page, debounced, so a
// scroll sends one message after the reader stops rather than one per scroll event.
let current = null;

function position() {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 0;
}

export function track(dotnet, slug, delayMs) {
    stop();
    let timer = 0;
    const onScroll = () => {
        clearTimeout(timer);
        timer = setTimeout(() => dotnet.invokeMethodAsync('SaveScroll', slug, position()), delayMs);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    current = { onScroll, cancel: () => clearTimeout(timer) };
}

export function stop() {
    if (current) {
        window.removeEventListener('scroll', current.onScroll);
        current.cancel();
        current = null;
    }
}

export function restore(share) {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, max > 0 ? share * max : 0);
}

export function hasFragment() {
    return window.location.hash.length > 1;
}
