// Placeholder: the screening engineer replaces this file with the real editor.
export function ScriptEditorScreen(_props: {}) {
  return (
    <div className="screen">
      <h1>Screening script</h1>
      <p className="subtle">The script editor is being built.</p>
    </div>
  );
}
