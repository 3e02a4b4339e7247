// The code editor of config fields (CodeMirror 6): one CodeEditor per Blazor CodeField, loaded only when a code or
// JSON field is shown. Typing stays in the browser; .NET hears the text when typing pauses and at once on blur, so
// a burst of keystrokes is one round trip, and a save right after leaving the field sees the last edit.
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { json } from '@codemirror/lang-json';
import { sql } from '@codemirror/lang-sql';
import { classHighlighter } from '@lezer/highlight';

const LANGUAGES = { javascript, python, json, sql };

const languageOf = (name) => (LANGUAGES[name] ?? javascript)();

const theme = EditorView.theme({
    '&': { fontSize: '13px', border: '1px solid var(--mud-palette-lines-inputs)', borderRadius: '4px', background: '#fff' },
    '&.cm-focused': { outline: '2px solid var(--mud-palette-primary)', outlineOffset: '-1px' },
    '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', minHeight: '9em', maxHeight: '28em' },
    '.cm-gutters': { background: '#f8fafc', color: '#94a3b8', borderRight: '1px solid #e2e8f0' },
});

/**
 * Starts an editor in host; it lives on the element (one per field, no module-level state), and the functions below
 * reach it through the element. options: value, language (javascript, python, json, sql), readOnly, labelledBy (id
 * of the visible label), describedBy, delayMs (typing pause before .NET hears the text).
 */
export function create(host, dotnet, options) {
    host.zygoCode?.dispose();
    host.zygoCode = new CodeEditor(host, dotnet, options);
}

export const setValue = (host, value) => host.zygoCode?.setValue(value);
export const setLanguage = (host, language) => host.zygoCode?.setLanguage(language);
export const setReadOnly = (host, readOnly) => host.zygoCode?.setReadOnly(readOnly);

export function dispose(host) {
    host.zygoCode?.dispose();
    delete host.zygoCode;
}

class CodeEditor {
    constructor(host, dotnet, options) {
        this.dotnet = dotnet;
        this.delayMs = options.delayMs ?? 500;
        this.timer = 0;
        this.sent = options.value ?? '';
        this.language = new Compartment();
        this.readOnly = new Compartment();
        this.view = new EditorView({
            parent: host,
            state: EditorState.create({
                doc: this.sent,
                extensions: [
                    lineNumbers(),
                    highlightActiveLineGutter(),
                    highlightActiveLine(),
                    drawSelection(),
                    history(),
                    indentOnInput(),
                    bracketMatching(),
                    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
                    // Stable token class names (tok-keyword, tok-string …) beside the generated styling ones.
                    syntaxHighlighting(classHighlighter),
                    // Tab indents inside the editor; Esc then Tab leaves it (CodeMirror's escape hatch for keyboard users).
                    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
                    this.language.of(languageOf(options.language)),
                    this.readOnly.of(readOnlyExtensions(options.readOnly)),
                    EditorView.contentAttributes.of(contentAttributes(options)),
                    EditorView.updateListener.of((update) => {
                        if (update.docChanged) {
                            this.schedule();
                        }
                    }),
                    EditorView.domEventHandlers({ blur: () => this.flush() }),
                    theme,
                ],
            }),
        });
        // Ctrl+S saves from the page: the text has to reach .NET first (messages arrive in order).
        this.saveKey = (e) => {
            if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
                this.flush();
            }
        };
        this.view.dom.addEventListener('keydown', this.saveKey, true);
    }

    schedule() {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), this.delayMs);
    }

    flush() {
        clearTimeout(this.timer);
        const text = this.view.state.doc.toString();
        if (text !== this.sent) {
            this.sent = text;
            this.dotnet.invokeMethodAsync('OnTextChangedJs', text);
        }
    }

    /** A value from .NET (another node selected, a restore): replaces the text unless it is what is shown. */
    setValue(value) {
        const text = value ?? '';
        this.sent = text;
        if (text !== this.view.state.doc.toString()) {
            clearTimeout(this.timer);
            this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
        }
    }

    setLanguage(name) {
        this.view.dispatch({ effects: this.language.reconfigure(languageOf(name)) });
    }

    setReadOnly(readOnly) {
        this.view.dispatch({ effects: this.readOnly.reconfigure(readOnlyExtensions(readOnly)) });
    }

    dispose() {
        clearTimeout(this.timer);
        this.view.dom.removeEventListener('keydown', this.saveKey, true);
        this.view.destroy();
    }
}

function readOnlyExtensions(readOnly) {
    return [EditorState.readOnly.of(!!readOnly), EditorView.editable.of(!readOnly)];
}

function contentAttributes({ labelledBy, describedBy, language }) {
    const attrs = { 'aria-multiline': 'true', 'data-language': language ?? 'javascript' };
    if (labelledBy) {
        attrs['aria-labelledby'] = labelledBy;
    }

    if (describedBy) {
        attrs['aria-describedby'] = describedBy;
    }

    return attrs;
}
