// Edit the screening script: titles, prompts, checklist items (add, reword,
// reorder, remove), questions (add, reorder, remove). Saving stores a new
// version; screenings already started keep the version they began with.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ScriptVersion } from '../../../contract/screening.ts';
import type { ChecklistItem, ScreeningQuestion, ScreeningScript } from '../../../contract/script-schema.ts';
import { call, errorMessage } from '../../api.ts';
import { fieldErrors } from './keys.ts';
import { LoadError } from './LoadError.tsx';
import './screening.css';

type ListKey = 'goodAnswer' | 'redFlags';

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item'
  );
}

function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

export function ScriptEditorScreen(_props: {}) {
  const [saved, setSaved] = useState<ScriptVersion | null>(null);
  const [draft, setDraft] = useState<ScreeningScript | null>(null);
  const [selected, setSelected] = useState(0);
  const [changeNote, setChangeNote] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [isSaving, setIsSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const latest = await call('screening.getScript', {});
      setSaved(latest);
      setDraft(structuredClone(latest.script));
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Bring the first bad field into view once the errors have rendered.
  useEffect(() => {
    if (errors.size === 0) return;
    const frame = window.requestAnimationFrame(() => {
      document.querySelector('.sc-editor .is-invalid, .sc-editor .sc-field-error')?.scrollIntoView({ block: 'center' });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [errors, selected]);

  const isDirty = useMemo(() => saved !== null && draft !== null && JSON.stringify(saved.script) !== JSON.stringify(draft), [saved, draft]);

  const updateQuestion = useCallback(
    (index: number, change: (question: ScreeningQuestion) => ScreeningQuestion) => {
      setDraft((current) => {
        if (!current) return current;
        const question = current.questions[index];
        if (!question) return current;
        const questions = [...current.questions];
        questions[index] = change(question);
        return { ...current, questions };
      });
      setNotice(null);
    },
    [],
  );

  async function save() {
    if (!draft) return;
    setIsSaving(true);
    setSaveError(null);
    setErrors(new Map());
    try {
      const version = await call('screening.saveScript', { script: draft, changeNote });
      setSaved(version);
      setDraft(structuredClone(version.script));
      setChangeNote('');
      setNotice(`Saved as version ${version.version}. New screenings use it; screenings already started keep their version.`);
    } catch (error) {
      const message = errorMessage(error);
      const byField = fieldErrors(message);
      setErrors(byField);
      setSaveError(byField.size > 0 ? 'Not saved: fix the fields marked in red.' : message);
      const firstBad = [...byField.keys()].map((path) => /^questions\.(\d+)/.exec(path)?.[1]).find((value) => value !== undefined);
      if (firstBad !== undefined) setSelected(Number(firstBad));
    } finally {
      setIsSaving(false);
    }
  }

  if (loadError) return <LoadError message={loadError} onRetry={() => void load()} />;
  if (!draft || !saved) {
    return (
      <div className="sc-root sc-center" role="status">
        Loading the screening script…
      </div>
    );
  }

  const question = draft.questions[selected];
  const errorAt = (path: string) => errors.get(path);
  const hasErrorUnder = (prefix: string) => [...errors.keys()].some((path) => path === prefix || path.startsWith(`${prefix}.`));

  function addQuestion() {
    setDraft((current) => {
      if (!current) return current;
      const id = uniqueId('new-question', current.questions.map((entry) => entry.id));
      const fresh: ScreeningQuestion = {
        id,
        kind: 'core',
        title: 'New question',
        skills: ['Skill tested'],
        prompt: '',
        goodAnswer: [{ id: 'point-1', text: '' }],
        redFlags: [{ id: 'flag-1', text: '' }],
        followUps: [],
      };
      setSelected(current.questions.length);
      return { ...current, questions: [...current.questions, fresh] };
    });
  }

  function removeQuestion(index: number) {
    const target = draft?.questions[index];
    if (!target || !window.confirm(`Remove "${target.title}" from the script? Screenings already started keep it.`)) return;
    setDraft((current) => (current ? { ...current, questions: current.questions.filter((_, entry) => entry !== index) } : current));
    setSelected((current) => Math.max(0, Math.min(current, (draft?.questions.length ?? 1) - 2)));
  }

  return (
    <div className="sc-root">
      <header className="sc-top">
        <div className="sc-top-title">
          <span className="sc-top-name">Screening script</span>
          <span className="sc-muted">
            Version {saved.version}
            {saved.changeNote ? ` · ${saved.changeNote}` : ''} · saved {new Date(saved.createdAt).toLocaleDateString()}
          </span>
        </div>
        <span className="sc-spacer" />
        <div className="sc-editor-bar">
          <input
            className="sc-input"
            aria-label="Change note"
            placeholder="Change note, e.g. reworded question 3"
            value={changeNote}
            maxLength={500}
            onChange={(event) => setChangeNote(event.target.value)}
          />
          <button type="button" className="sc-button sc-button-ghost" disabled={!isDirty || isSaving} onClick={() => {
            setDraft(structuredClone(saved.script));
            setErrors(new Map());
            setSaveError(null);
          }}>
            Discard changes
          </button>
          <button type="button" className="sc-button sc-button-primary" disabled={!isDirty || isSaving} onClick={() => void save()}>
            {isSaving ? 'Saving…' : `Save as version ${saved.version + 1}`}
          </button>
        </div>
      </header>
      {saveError && (
        <div className="sc-banner sc-banner-error" role="alert">
          {saveError}
        </div>
      )}
      {notice && (
        <div className="sc-banner sc-banner-success" role="status" style={{ margin: '8px 20px 0' }}>
          {notice}
        </div>
      )}
      <div className="sc-editor">
        <nav className="sc-editor-list" aria-label="Questions">
          <label className="sc-field" style={{ padding: '0 8px 10px' }}>
            <span className="sc-label">Script title</span>
            <input
              className={`sc-input${errorAt('title') ? ' is-invalid' : ''}`}
              value={draft.title}
              onChange={(event) => setDraft({ ...draft, title: event.target.value })}
            />
            {errorAt('title') && <span className="sc-field-error">{errorAt('title')}</span>}
          </label>
          {draft.questions.map((entry, index) => (
            <button
              key={`${entry.id}-${index}`}
              type="button"
              className={`sc-rail-item${index === selected ? ' is-current' : ''}`}
              aria-current={index === selected ? 'true' : undefined}
              onClick={() => setSelected(index)}
            >
              <span className="sc-rail-num">{index + 1}</span>
              <span className="sc-rail-title">
                {entry.title || '(untitled)'}
                {entry.kind === 'extra' && <span className="sc-muted"> · extra</span>}
              </span>
              {hasErrorUnder(`questions.${index}`) && <span className="sc-invalid-dot" title="Has errors" />}
            </button>
          ))}
          <div className="sc-row" style={{ padding: '10px 8px' }}>
            <button type="button" className="sc-button sc-button-small" onClick={addQuestion} disabled={draft.questions.length >= 30}>
              + Add question
            </button>
          </div>
        </nav>

        {question ? (
          <main className="sc-editor-main" aria-label="Question editor">
            <div className="sc-row" style={{ alignItems: 'center' }}>
              <span className="sc-label">
                Question {selected + 1} · id <code className="sc-code">{question.id}</code>
              </span>
              <span className="sc-spacer" />
              <button
                type="button"
                className="sc-button sc-button-small"
                disabled={selected === 0}
                onClick={() => {
                  setDraft({ ...draft, questions: move(draft.questions, selected, selected - 1) });
                  setSelected(selected - 1);
                }}
              >
                ↑ Move up
              </button>
              <button
                type="button"
                className="sc-button sc-button-small"
                disabled={selected === draft.questions.length - 1}
                onClick={() => {
                  setDraft({ ...draft, questions: move(draft.questions, selected, selected + 1) });
                  setSelected(selected + 1);
                }}
              >
                ↓ Move down
              </button>
              <button
                type="button"
                className="sc-button sc-button-small sc-button-danger"
                disabled={draft.questions.length <= 1}
                onClick={() => removeQuestion(selected)}
              >
                Remove
              </button>
            </div>

            <div className="sc-field-row">
              <TextField
                label="Title"
                value={question.title}
                error={errorAt(`questions.${selected}.title`)}
                onChange={(title) => updateQuestion(selected, (entry) => ({ ...entry, title }))}
              />
              <label className="sc-field">
                <span className="sc-label">Kind</span>
                <select
                  className="sc-input"
                  value={question.kind}
                  onChange={(event) =>
                    updateQuestion(selected, (entry) => ({ ...entry, kind: event.target.value === 'extra' ? 'extra' : 'core' }))
                  }
                >
                  <option value="core">Core (every call)</option>
                  <option value="extra">Extra kit</option>
                </select>
              </label>
            </div>
            {question.id.startsWith('new-question') && (
              <TextField
                label="Id (lowercase, dashes; resume probes link to it)"
                value={question.id}
                error={errorAt(`questions.${selected}.id`)}
                onChange={(id) => updateQuestion(selected, (entry) => ({ ...entry, id: id.toLowerCase() }))}
              />
            )}
            {!question.id.startsWith('new-question') && errorAt(`questions.${selected}.id`) && (
              <span className="sc-field-error">{errorAt(`questions.${selected}.id`)}</span>
            )}
            <TextField
              label="Prompt (what you read aloud)"
              value={question.prompt}
              isMultiline
              error={errorAt(`questions.${selected}.prompt`)}
              onChange={(prompt) => updateQuestion(selected, (entry) => ({ ...entry, prompt }))}
            />
            <TextField
              label="Skills tested (comma separated)"
              value={question.skills.join(', ')}
              error={errorAt(`questions.${selected}.skills`) ?? firstError(errors, `questions.${selected}.skills.`)}
              onChange={(value) =>
                updateQuestion(selected, (entry) => ({
                  ...entry,
                  skills: value.split(',').map((skill) => skill.trimStart()).filter((skill, index, all) => skill !== '' || index === all.length - 1),
                }))
              }
            />
            {(['goodAnswer', 'redFlags'] as const).map((list) => (
              <ItemList
                key={list}
                title={list === 'goodAnswer' ? 'Good-answer points (keys 1–9 on the call)' : 'Red flags (Shift+1–9 on the call)'}
                items={question[list]}
                pathPrefix={`questions.${selected}.${list}`}
                errors={errors}
                onChange={(items) => updateQuestion(selected, (entry) => ({ ...entry, [list]: items }))}
                newId={(text) => uniqueId(slug(text || (list === 'goodAnswer' ? 'point' : 'flag')), question[list].map((item) => item.id))}
                listKey={list}
              />
            ))}
            <section className="sc-section">
              <span className="sc-label">Follow-ups</span>
              {question.followUps.map((followUp, index) => (
                <div key={index} className="sc-item-row">
                  <input
                    className={`sc-input${errorAt(`questions.${selected}.followUps.${index}`) ? ' is-invalid' : ''}`}
                    aria-label={`Follow-up ${index + 1}`}
                    value={followUp}
                    onChange={(event) =>
                      updateQuestion(selected, (entry) => ({
                        ...entry,
                        followUps: entry.followUps.map((value, at) => (at === index ? event.target.value : value)),
                      }))
                    }
                  />
                  <button
                    type="button"
                    className="sc-icon-button"
                    aria-label="Remove follow-up"
                    onClick={() => updateQuestion(selected, (entry) => ({ ...entry, followUps: entry.followUps.filter((_, at) => at !== index) }))}
                  >
                    ✕
                  </button>
                  {errorAt(`questions.${selected}.followUps.${index}`) && (
                    <span className="sc-field-error">{errorAt(`questions.${selected}.followUps.${index}`)}</span>
                  )}
                </div>
              ))}
              <div>
                <button
                  type="button"
                  className="sc-button sc-button-small"
                  disabled={question.followUps.length >= 10}
                  onClick={() => updateQuestion(selected, (entry) => ({ ...entry, followUps: [...entry.followUps, ''] }))}
                >
                  + Add follow-up
                </button>
              </div>
            </section>
            <TextField
              label="Source of facts and figures"
              value={question.source ?? ''}
              error={errorAt(`questions.${selected}.source`)}
              onChange={(source) => updateQuestion(selected, (entry) => ({ ...entry, source }))}
            />
          </main>
        ) : (
          <main className="sc-editor-main">
            <p className="sc-muted">Add a question to start.</p>
          </main>
        )}
      </div>
    </div>
  );
}

function firstError(errors: Map<string, string>, prefix: string): string | undefined {
  for (const [path, message] of errors) if (path.startsWith(prefix)) return message;
  return undefined;
}

function TextField(props: { label: string; value: string; error: string | undefined; isMultiline?: boolean; onChange: (value: string) => void }) {
  const className = `${props.isMultiline ? 'sc-textarea' : 'sc-input'}${props.error ? ' is-invalid' : ''}`;
  return (
    <label className="sc-field">
      <span className="sc-label">{props.label}</span>
      {props.isMultiline ? (
        <textarea className={className} rows={4} value={props.value} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input className={className} value={props.value} onChange={(event) => props.onChange(event.target.value)} />
      )}
      {props.error && <span className="sc-field-error">{props.error}</span>}
    </label>
  );
}

function ItemList(props: {
  title: string;
  items: ChecklistItem[];
  pathPrefix: string;
  errors: Map<string, string>;
  listKey: ListKey;
  newId: (text: string) => string;
  onChange: (items: ChecklistItem[]) => void;
}) {
  const { items, onChange } = props;
  const listError = props.errors.get(props.pathPrefix);
  return (
    <section className="sc-section" aria-label={props.title}>
      <span className="sc-label">{props.title}</span>
      <div className="sc-items">
        {items.map((item, index) => {
          const error = props.errors.get(`${props.pathPrefix}.${index}.text`) ?? props.errors.get(`${props.pathPrefix}.${index}.id`);
          return (
            <div key={item.id} className="sc-item-row">
              <span className="sc-item-id" title={`id: ${item.id}`}>
                {index < 9 ? (props.listKey === 'redFlags' ? `⇧${index + 1}` : index + 1) : '—'} · {item.id}
              </span>
              <input
                className={`sc-input${error ? ' is-invalid' : ''}`}
                aria-label={`${props.listKey === 'goodAnswer' ? 'Good-answer point' : 'Red flag'} ${index + 1}`}
                value={item.text}
                onChange={(event) => onChange(items.map((entry, at) => (at === index ? { ...entry, text: event.target.value } : entry)))}
              />
              <button type="button" className="sc-icon-button" aria-label="Move up" disabled={index === 0} onClick={() => onChange(move(items, index, index - 1))}>
                ↑
              </button>
              <button
                type="button"
                className="sc-icon-button"
                aria-label="Move down"
                disabled={index === items.length - 1}
                onClick={() => onChange(move(items, index, index + 1))}
              >
                ↓
              </button>
              <button type="button" className="sc-icon-button" aria-label="Remove" onClick={() => onChange(items.filter((_, at) => at !== index))}>
                ✕
              </button>
              {error && <span className="sc-field-error">{error}</span>}
            </div>
          );
        })}
      </div>
      {listError && <span className="sc-field-error">{listError}</span>}
      <div>
        <button
          type="button"
          className="sc-button sc-button-small"
          disabled={items.length >= 9}
          onClick={() => onChange([...items, { id: props.newId(`${props.listKey === 'goodAnswer' ? 'point' : 'flag'}-${items.length + 1}`), text: '' }])}
        >
          + Add
        </button>
      </div>
    </section>
  );
}
