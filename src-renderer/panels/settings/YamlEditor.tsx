import { useId, useState } from 'react';

/** The trader's settings.yaml as text, for what the form cannot say (comments, optional keys). */
export function YamlEditor(props: { text: string; busy: boolean; onSave(text: string): void }) {
  const [text, setText] = useState(props.text);
  const id = useId();
  return (
    <form
      className="yaml-editor"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(text);
      }}
    >
      <label htmlFor={id}>settings.yaml (only the keys you change from the defaults)</label>
      <textarea id={id} value={text} rows={24} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.busy || text === props.text}>
          Save settings
        </button>
      </div>
    </form>
  );
}
