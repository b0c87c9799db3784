import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildSchema } from 'graphql'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'

type IntrospectedType = {
  name: string
  description: string | null
  fields: { name: string; description: string | null }[]
}

const COLLECTION_TYPES = [
  'AuditEntry',
  'Event',
  'MediaItem',
  'NewsItem',
  'Organization',
  'Statistic',
  'User',
]

// Fields Payload keeps for itself (hidden, without a label).
const INTERNAL_FIELDS = new Set([
  'apiKeyIndex',
  'focalX',
  'focalY',
  'hasAPIKey',
  'hash',
  'lockUntil',
  'loginAttempts',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  'resetPasswordToken',
  'salt',
  'sessions',
])

describeDb('GraphQL descriptions', () => {
  let ctx: IntContext

  const introspect = async (name: string): Promise<IntrospectedType> => {
    const res = await ctx.api.graphql<{ __type: IntrospectedType }>(
      'query ($name: String!) { __type(name: $name) { name description fields { name description } } }',
      { name },
    )
    expect(res.body.errors).toBeUndefined()
    return res.body.data!.__type
  }
  const field = (type: IntrospectedType, name: string) =>
    type.fields.find((candidate) => candidate.name === name)?.description

  beforeAll(async () => {
    ctx = await bootPayload()
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('should describe a collection type with its English admin description', async () => {
    const type = await introspect('Statistic')
    expect(type.description).toBe(
      'Each snapshot is a figure as of a date. Record a new figure as a new snapshot; older ones stay as history.',
    )
  })

  it('should describe a field with its English admin description, else its label', async () => {
    const type = await introspect('Statistic')
    expect(field(type, 'customKey')).toBe(
      'Lowercase letters, digits and hyphens, e.g. partner-schools.',
    )
    expect(field(type, 'value')).toBe('Value')
  })

  it('should describe the fields of groups', async () => {
    const type = await introspect('Statistic')
    const source = await introspect('Statistic_Source')
    expect(field(type, 'source')).toBeTruthy()
    expect(source.fields.every((each) => each.description)).toBe(true)
  })

  it.each(COLLECTION_TYPES)('should describe %s and each of its fields', async (name) => {
    const type = await introspect(name)
    expect(type.description).toBeTruthy()
    const undescribed = type.fields
      .filter((each) => !each.description && !INTERNAL_FIELDS.has(each.name))
      .map((each) => each.name)
    expect(undescribed).toEqual([])
  })

  it('should describe the consumer queries and their arguments', async () => {
    const res = await ctx.api.graphql(
      '{ __schema { queryType { fields { name description args { name description } } } } }',
    )
    const fields: { name: string; description: string; args: { description: string }[] }[] =
      res.body.data.__schema.queryType.fields
    for (const name of ['latestStatistics', 'statisticHistory', 'newsFeed', 'upcomingEvents']) {
      const query = fields.find((each) => each.name === name)
      expect(query?.description).toBeTruthy()
      expect(query?.args.every((arg) => arg.description)).toBe(true)
    }
  })

  it('should describe every root query and mutation', async () => {
    const res = await ctx.api.graphql(
      '{ __schema { queryType { fields { name description } } mutationType { fields { name description } } } }',
    )
    const { queryType, mutationType } = res.body.data.__schema as Record<
      'mutationType' | 'queryType',
      { fields: { name: string; description: string | null }[] }
    >
    for (const type of [queryType, mutationType]) {
      expect(type.fields.length).toBeGreaterThan(40)
      expect(type.fields.filter((each) => !each.description).map((each) => each.name)).toEqual([])
    }
    const description = (name: string) =>
      queryType.fields.find((each) => each.name === name)?.description
    expect(description('NewsItem')).toBe(
      'One news item by id; null when there is none you may read.',
    )
    expect(description('countNews')).toMatch(/^How many news/)
  })

  it('should print the descriptions into the committed schema.graphql', () => {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql')
    const schema = buildSchema(fs.readFileSync(file, 'utf8'))
    expect(schema.getType('NewsItem')?.description).toBeTruthy()
    expect(schema.getType('Statistic')?.description).toMatch(/^Each snapshot is a figure/)
    for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
      const undescribed = Object.values(type.getFields()).filter((field) => !field.description)
      expect(undescribed.map((field) => field.name)).toEqual([])
    }
  })
})
