// Placeholder: the screening engineer replaces this file with the real screen.
export function ScreeningScreen(props: { screeningId: number; onExit: () => void }) {
  return (
    <div className="screen">
      <h1>Screening #{props.screeningId}</h1>
      <p className="subtle">The screening call view is being built.</p>
      <button type="button" className="button" onClick={props.onExit}>
        Back to candidate
      </button>
    </div>
  );
}
