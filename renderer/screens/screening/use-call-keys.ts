// The keyboard on the call screen: the whole call can be run without the mouse. What a
// key means is data in keys.ts; this hook only carries the chosen action out.
import { useEffect } from 'react';
import { currentQuestion, isLive } from './call-state.ts';
import { screenKeyAction, type KeyTarget } from './keys.ts';
import type { CallController } from './use-call.ts';

function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return 'field';
  return target instanceof HTMLButtonElement ? 'button' : 'other';
}

export function useCallKeys(controller: CallController): void {
  const { stateRef, notesRef, armRating, chooseRecommendation, closeFinish, disarmRating, finish, flushNotes, goTo, openFinish, rate, toggleItem } = controller;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const current = stateRef.current;
      const shown = currentQuestion(current);
      if (!isLive(current) || !shown) return;
      const action = screenKeyAction(event, keyTarget(event.target), current.mode, current.isRatingArmed);
      if (!action) return;
      event.preventDefault();
      if (current.mode === 'call' && action.type !== 'leave-field' && !current.answers[shown.id]) return;
      switch (action.type) {
        case 'leave-field':
          flushNotes();
          (event.target as HTMLElement).blur();
          break;
        case 'choose':
          chooseRecommendation(action.recommendation);
          break;
        case 'back-to-call':
          closeFinish();
          break;
        case 'finish':
          void finish();
          break;
        case 'toggle-good': {
          const item = shown.goodAnswer[action.index];
          if (item) toggleItem('tickedGood', item.id);
          break;
        }
        case 'toggle-red': {
          const item = shown.redFlags[action.index];
          if (item) toggleItem('tickedRed', item.id);
          break;
        }
        case 'arm-rating':
          armRating();
          break;
        case 'rate':
          rate(action.rating);
          break;
        case 'next':
          goTo(current.index + 1);
          break;
        case 'previous':
          goTo(current.index - 1);
          break;
        case 'enter':
          if (current.index === (current.detail?.script.questions.length ?? 0) - 1) openFinish();
          else goTo(current.index + 1);
          break;
        case 'focus-notes':
          notesRef.current?.focus();
          break;
        case 'cancel':
          disarmRating();
          break;
        default: {
          const unexpected: never = action;
          throw new Error(`unhandled key action ${JSON.stringify(unexpected)}`);
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [armRating, chooseRecommendation, closeFinish, disarmRating, finish, flushNotes, goTo, notesRef, openFinish, rate, stateRef, toggleItem]);
}
