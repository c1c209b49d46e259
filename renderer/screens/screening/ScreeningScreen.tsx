// The live call screen: one question at a time, large enough to read while
// talking, every tick and note saved the moment it happens. A finished screening
// opens as its read-only scorecard. The call's state and its saves live in
// use-call.ts, the keyboard in use-call-keys.ts; this component draws them with
// CallHeader, CallView and DecisionView.
import { currentQuestion, isLive, totalElapsedMs } from './call-state.ts';
import { useCall } from './use-call.ts';
import { useCallKeys } from './use-call-keys.ts';
import { CallHeader } from './CallHeader.tsx';
import { CallView } from './CallView.tsx';
import { DecisionView } from './DecisionView.tsx';
import { LoadError } from './LoadError.tsx';
import './screening.css';

export function ScreeningScreen(props: { screeningId: number; onExit: () => void }) {
  const { screeningId, onExit } = props;
  const controller = useCall(screeningId);
  useCallKeys(controller);
  const { state, status, notesRef, finishButtonRef, load, goTo, toggleItem, rate, changeNotes, flushNotes, openFinish, closeFinish, chooseRecommendation, changeSummary, finish } =
    controller;
  const question = currentQuestion(state);
  const isCallLive = isLive(state);

  if (state.loadError) {
    return (
      <LoadError message={state.loadError} onRetry={() => void load()}>
        <button type="button" className="sc-button sc-button-ghost" onClick={onExit}>
          Back
        </button>
      </LoadError>
    );
  }
  const { detail } = state;
  if (!detail || !question) {
    return (
      <div className="sc-root sc-center" role="status">
        Opening the screening…
      </div>
    );
  }

  const answer = state.answers[question.id];
  const candidateName = detail.candidate.name ?? `Candidate ${detail.candidate.id}`;
  const header = (
    <CallHeader
      detail={detail}
      candidateName={candidateName}
      mode={state.mode}
      answers={state.answers}
      index={state.index}
      questionMs={answer?.elapsedMs ?? 0}
      totalMs={totalElapsedMs(state.answers)}
      isLive={isCallLive}
      status={status}
      onExit={onExit}
      onGo={goTo}
      onFinish={openFinish}
    />
  );

  if (state.mode === 'scorecard' || state.mode === 'finish') {
    return (
      <div className="sc-root">
        {header}
        <DecisionView
          detail={detail}
          answers={state.answers}
          candidateName={candidateName}
          isEditable={state.mode === 'finish'}
          recommendation={state.recommendation}
          summaryNotes={state.summaryNotes}
          finishError={state.finishError}
          isFinishing={state.isFinishing}
          justFinished={state.justFinished}
          finishButtonRef={finishButtonRef}
          onChoose={chooseRecommendation}
          onSummaryChange={changeSummary}
          onFinish={() => void finish()}
          onBack={closeFinish}
        />
      </div>
    );
  }

  return (
    <div className="sc-root">
      {header}
      {status.state === 'error' && (
        <div className="sc-banner sc-banner-error" role="alert">
          Not saved: {status.message}
          <button type="button" className="sc-button sc-button-small" onClick={status.retry}>
            Try again
          </button>
        </div>
      )}
      <CallView
        question={question}
        answer={answer}
        index={state.index}
        count={detail.script.questions.length}
        probes={detail.probes}
        isRatingArmed={state.isRatingArmed}
        notesRef={notesRef}
        onToggle={toggleItem}
        onRate={rate}
        onNotesChange={(notes) => changeNotes(question.id, notes)}
        onNotesBlur={flushNotes}
      />
    </div>
  );
}
