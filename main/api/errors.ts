/** An error whose message is written for the recruiter and may be shown as is. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function notFound(what: string, id: number): UserFacingError {
  return new UserFacingError(`${what} ${id} does not exist (it may have been deleted).`);
}
