// Navigation state: a discriminated union and a reducer with a small back stack.
export type Route =
  | { name: 'candidates' }
  | { name: 'import' }
  | { name: 'candidate'; id: number }
  | { name: 'screening'; screeningId: number; candidateId: number; roleId?: number }
  | { name: 'script' }
  | { name: 'roles' }
  | { name: 'role'; id: number }
  | { name: 'role-edit'; id: number | null }
  | { name: 'backups' }
  | { name: 'audit'; candidateId: number | null }
  | { name: 'retention' }
  | { name: 'review' };

export interface NavState {
  current: Route;
  history: Route[];
}

export type NavAction = { type: 'navigate'; route: Route } | { type: 'back' } | { type: 'replace'; route: Route };

export function navReducer(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'navigate':
      return { current: action.route, history: [...state.history, state.current].slice(-20) };
    case 'replace':
      return { ...state, current: action.route };
    case 'back': {
      const previous = state.history[state.history.length - 1];
      return previous ? { current: previous, history: state.history.slice(0, -1) } : { current: { name: 'candidates' }, history: [] };
    }
    default: {
      const unexpected: never = action;
      throw new Error(`unknown navigation ${JSON.stringify(unexpected)}`);
    }
  }
}
