import type { FeedErrorBody } from '@etw/client'

/** Machine-readable error codes of the feed API. */
export type FeedErrorCode =
  'internal' | 'invalid_parameter' | 'method_not_allowed' | 'not_found' | 'unknown_parameter'

/** An error the feed answers with a JSON {@link FeedErrorBody} and `status`. */
export class FeedError extends Error {
  readonly code: FeedErrorCode
  readonly parameter: string | undefined
  readonly status: number

  constructor(status: number, code: FeedErrorCode, message: string, parameter?: string) {
    super(message)
    this.name = 'FeedError'
    this.status = status
    this.code = code
    this.parameter = parameter
  }

  /** The JSON body of the answer. */
  toBody(): FeedErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.parameter === undefined ? {} : { parameter: this.parameter }),
      },
    }
  }
}

/** 400 `invalid_parameter`: the value of `parameter` is malformed or not allowed. */
export const invalidParameter = (parameter: string, message: string): FeedError =>
  new FeedError(400, 'invalid_parameter', message, parameter)

/** 400 `unknown_parameter`: the endpoint takes no parameter called `parameter`. */
export const unknownParameter = (parameter: string, allowed: readonly string[]): FeedError =>
  new FeedError(
    400,
    'unknown_parameter',
    allowed.length > 0
      ? `Unknown parameter "${parameter}". This endpoint takes: ${allowed.join(', ')}.`
      : `Unknown parameter "${parameter}". This endpoint takes no parameters.`,
    parameter,
  )

/** 404 `not_found`. */
export const notFound = (message: string): FeedError => new FeedError(404, 'not_found', message)
