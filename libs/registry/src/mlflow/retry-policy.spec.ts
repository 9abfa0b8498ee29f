import { isRetriableStatus } from './retry-policy';

describe('isRetriableStatus', () => {
  it.each([429, 500, 502, 503, 504, 599])('%i is worth another try', (status) => expect(isRetriableStatus(status)).toBe(true));
  it.each([200, 400, 401, 403, 404, 409, 422])('%i is a final answer', (status) => expect(isRetriableStatus(status)).toBe(false));
});
