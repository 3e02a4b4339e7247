// The editor's chat panel: Enter sends the message (Shift+Enter keeps the new line), and the conversation follows
// the newest message.
export function attach(textarea) {
    textarea?.addEventListener('keydown', e => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            textarea.form?.requestSubmit();
        }
    });
}

export function scrollToEnd(element) {
    if (element) {
        element.scrollTop = element.scrollHeight;
    }
}
