import { describe, expect, it } from 'vitest'

import { introspectionAllowed, playgroundAllowed } from './limits'

describe('GraphQL switches', () => {
  it('should allow introspection and the playground outside production', () => {
    expect(introspectionAllowed({ NODE_ENV: 'development' })).toBe(true)
    expect(playgroundAllowed({ NODE_ENV: 'test' })).toBe(true)
  })

  it('should turn introspection and the playground off in production', () => {
    expect(introspectionAllowed({ NODE_ENV: 'production' })).toBe(false)
    expect(playgroundAllowed({ NODE_ENV: 'production' })).toBe(false)
  })

  it('should turn them on in production with their environment variables', () => {
    expect(
      introspectionAllowed({ NODE_ENV: 'production', ETW_GRAPHQL_INTROSPECTION: 'true' }),
    ).toBe(true)
    expect(playgroundAllowed({ NODE_ENV: 'production', ETW_GRAPHQL_PLAYGROUND: 'true' })).toBe(true)
  })

  it('should keep them off for any other value', () => {
    expect(introspectionAllowed({ NODE_ENV: 'production', ETW_GRAPHQL_INTROSPECTION: 'yes' })).toBe(
      false,
    )
  })
})
