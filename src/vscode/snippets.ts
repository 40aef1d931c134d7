import * as vscode from 'vscode';

/**
 * A text edit, or a snippet edit whose placeholders are tab stops (one number per placeholder, so
 * repeats mirror): a value only the user can choose is selected for them to type over, never left
 * in the code as if it were real. Editors indent a snippet's later lines by the indentation of the
 * line it goes in, so that indentation is taken off them first; a text whose lines do not all
 * carry it is inserted as plain text.
 */
export function placeholderEdit(document: vscode.TextDocument, range: vscode.Range, text: string, placeholders: readonly string[]): vscode.TextEdit | vscode.SnippetTextEdit {
  const present = placeholders.filter((p) => p && text.includes(p));
  if (!present.length) return new vscode.TextEdit(range, text);
  const indent = /^[ \t]*/.exec(document.lineAt(range.start.line).text)?.[0] ?? '';
  const [first, ...rest] = text.split('\n');
  if (rest.some((line) => line !== '' && !line.startsWith(indent))) return new vscode.TextEdit(range, text);
  const dedented = [first, ...rest.map((line) => line.slice(Math.min(indent.length, line.length)))].join('\n');
  return new vscode.SnippetTextEdit(range, placeholderSnippet(dedented, present));
}

/** `text` as a snippet: everything literal (`$`, `}` and `\\` escaped) but the placeholders, each a tab stop with itself as the default. */
export function placeholderSnippet(text: string, placeholders: readonly string[]): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  const numbers = new Map(placeholders.map((p, i) => [p, i + 1]));
  let at = 0;
  while (at < text.length) {
    let next = -1;
    let which = '';
    for (const p of placeholders) {
      const found = text.indexOf(p, at);
      if (found !== -1 && (next === -1 || found < next)) {
        next = found;
        which = p;
      }
    }
    if (next === -1) break;
    snippet.appendText(text.slice(at, next));
    snippet.appendPlaceholder(which, numbers.get(which));
    at = next + which.length;
  }
  snippet.appendText(text.slice(at));
  return snippet;
}

/**
 * A workspace edit whose text edits holding one of `placeholders` become snippet edits (the
 * documents must be open: a quick fix edits the document it was asked for). Other entries are
 * kept as they are.
 */
export function withPlaceholderSnippets(edit: vscode.WorkspaceEdit, placeholders: readonly string[]): vscode.WorkspaceEdit {
  const result = new vscode.WorkspaceEdit();
  for (const [uri, edits] of edit.entries()) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    result.set(uri, edits.map((e) => (document ? placeholderEdit(document, e.range, e.newText, placeholders) : e)));
  }
  return result;
}
