/**
 * Every counterexample the property tests in `fuzz.int.spec.ts` have found, kept as a named case
 * that `pnpm test` runs on every database. A failing `pnpm fuzz` prints the entry to add here.
 */

/** Who sends the request: nobody signed in, or an editor. */
export type FuzzCaller = 'anonymous' | 'editor'

export interface RestRegression {
  name: string
  /** Where the case was found: seed, replay path, property. */
  found: string
  caller: FuzzCaller
  /** Path and query string under `/api`, as sent. */
  request: string
}

export interface GraphQLRegression {
  name: string
  found: string
  caller: FuzzCaller
  /** The list query (`News`, `Events`…) of `fuzz.int.spec.ts`'s GraphQL property. */
  query: string
  variables: Record<string, unknown>
}

export const REST_REGRESSIONS: RestRegression[] = [
  {
    name: 'the text null as the ids of a relationship (organization not_in=null)',
    found: 'a sweep of relationship and upload operators with null and non-id values, editor REST',
    caller: 'editor',
    request: '/news?where[organization][not_in]=null',
  },
  {
    name: 'null among the ids of a list of relationships (relatedEvents in [null])',
    found: 'a sweep of relationship and upload operators with null and non-id values, editor REST',
    caller: 'editor',
    request: '/news?where[relatedEvents][in][0]=null',
  },
  {
    name: 'null among the ids of a statistic’s organization, anonymous',
    found:
      'a sweep of relationship and upload operators with null and non-id values, anonymous REST',
    caller: 'anonymous',
    request: '/statistics?where[organization][in][0]=null',
  },
  {
    name: 'substring match on a whole rich text field (body contains empty)',
    found: 'seed 1829030361, path "4561:3:2:2:2:2:2:2:2:2:2:2", REST anonymous, PostgreSQL',
    caller: 'anonymous',
    request: '/news?where%5Bbody%5D%5Bcontains%5D=',
  },
  {
    name: 'negated substring match on a whole rich text field (body not_like 0)',
    found: 'seed 237515613, path "1776:3:2:2:2:2:2:2:2:2:2", REST editor, PostgreSQL',
    caller: 'editor',
    request: '/news?where%5Bbody%5D%5Bnot_like%5D=0',
  },
  {
    name: 'a date in the year 0 (updatedAt equals 0000-12-31T23:59:59.999Z)',
    found: 'seed 226621078, REST anonymous, PostgreSQL',
    caller: 'anonymous',
    request: '/news?where%5BupdatedAt%5D%5Bequals%5D=0000-12-31T23%3A59%3A59.999Z',
  },
  {
    name: 'a date in the year 0 on a related document (relatedEvents.startsAt equals)',
    found: 'seed -1264415867, REST editor, PostgreSQL',
    caller: 'editor',
    request: '/news?where%5BrelatedEvents.startsAt%5D%5Bequals%5D=0000-12-31T23%3A59%3A59.999Z',
  },
  {
    name: 'a date far outside PostgreSQL’s range (updatedAt not_equals -240353-12-16)',
    found: 'seed 226621078, REST anonymous, PostgreSQL (before shrinking)',
    caller: 'anonymous',
    request: '/statistics?where%5BupdatedAt%5D%5Bnot_equals%5D=-240353-12-16T21%3A19%3A31.324Z',
  },
  {
    name: 'one localized field sorted twice (sort title.en and title)',
    found: 'seed -389869397, path "9427:2:4:4:4:4:4:4:4:4:4:4", REST anonymous, PostgreSQL',
    caller: 'anonymous',
    request: '/news?sort%5B0%5D=title.en&sort%5B1%5D=title',
  },
  {
    name: 'contains on a relationship (organization contains 0)',
    found:
      'seed -586588946, path "8819:0:4:3:4:3:3:3:3:3:3:3:3:3:3:3:3:3:3", REST editor, PostgreSQL',
    caller: 'editor',
    request: '/news?where%5Borganization%5D%5Bcontains%5D=0',
  },
]

export const GRAPHQL_REGRESSIONS: GraphQLRegression[] = [
  {
    name: 'null among the ids of an upload (cover in [null])',
    found: 'seed -1622196580, path "377:6:6:6:6:6", editor GraphQL',
    caller: 'editor',
    query: 'News',
    variables: { where: { cover: { in: [null] } } },
  },
  {
    name: 'a like pattern of 40,000 no-break spaces, one word of 80,000 bytes (Statistics label like)',
    found: 'seed 105033847, path "4127:13:0:0:0:0:0:3:2:2:2:2:2", anonymous GraphQL',
    caller: 'anonymous',
    query: 'Statistics',
    variables: { where: { label: { like: '\u00a0'.repeat(40_000) } } },
  },
]
