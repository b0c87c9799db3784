import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { IntContext } from './helpers/payload'
import { bootPayload, describeDb } from './helpers/payload'
import type { TestRole, TestUser } from './helpers/users'
import { createTestUsers } from './helpers/users'

const png = async (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#0b5cad' } })
    .png()
    .toBuffer()

/** A one-page PDF with the header, cross-reference table and trailer that upload checks look for. */
const minimalPdf = () => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets = objects.map((object, index) => {
    const offset = body.length
    body += `${index + 1} 0 obj ${object} endobj\n`
    return offset
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

describeDb('collections: create, read, update, delete', () => {
  let ctx: IntContext
  let users: Record<TestRole, TestUser>

  beforeAll(async () => {
    ctx = await bootPayload()
    users = await createTestUsers(ctx.payload)
  })

  afterAll(async () => {
    await ctx?.close()
  })

  const as = () => ({ overrideAccess: false, user: users.editor.doc })

  it('should create, localize, update and delete an organization', async () => {
    const { payload } = ctx
    const org = await payload.create({
      collection: 'organizations',
      data: {
        name: 'Kamianets-Podilskyi National University',
        shortName: 'K-PNU',
        kind: 'university',
        country: 'UA',
      },
      locale: 'en',
      ...as(),
    })
    expect(org.slug).toBe('k-pnu')
    await payload.update({
      collection: 'organizations',
      id: org.id,
      data: { name: "Кам'янець-Подільський національний університет" },
      locale: 'uk',
      ...as(),
    })
    const uk = await payload.findByID({ collection: 'organizations', id: org.id, locale: 'uk' })
    const en = await payload.findByID({ collection: 'organizations', id: org.id, locale: 'en' })
    expect(uk.name).toBe("Кам'янець-Подільський національний університет")
    expect(en.name).toBe('Kamianets-Podilskyi National University')
    await payload.delete({
      collection: 'organizations',
      id: org.id,
      overrideAccess: false,
      user: users.admin.doc,
    })
    expect((await payload.count({ collection: 'organizations' })).totalDocs).toBe(0)
  })

  it('should fall back to English where a translation is missing', async () => {
    const news = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Only in English', _status: 'published' },
      locale: 'en',
      ...as(),
    })
    const az = await ctx.payload.findByID({ collection: 'news', id: news.id, locale: 'az' })
    expect(az.title).toBe('Only in English')
  })

  it('should transliterate a Ukrainian title into the slug and keep slugs unique', async () => {
    const first = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Новини eTwinning Україна' },
      locale: 'uk',
      draft: true,
      ...as(),
    })
    const second = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Новини eTwinning Україна' },
      locale: 'uk',
      draft: true,
      ...as(),
    })
    expect(first.slug).toBe('novyny-etwinning-ukraina')
    expect(second.slug).toBe('novyny-etwinning-ukraina-2')
  })

  it('should keep a slug that an editor typed', async () => {
    const doc = await ctx.payload.create({
      collection: 'news',
      data: { title: 'Bakıda eTwinning seminarı keçirildi', slug: 'baku-seminar' },
      locale: 'az',
      draft: true,
      ...as(),
    })
    expect(doc.slug).toBe('baku-seminar')
  })

  it('should create an event with its time zone, format, kind and countries, and update it', async () => {
    const event = await ctx.payload.create({
      collection: 'events',
      data: {
        title: 'Innovation and Education',
        startsAt: '2023-05-15T05:00:00.000Z',
        endsAt: '2023-05-17T14:00:00.000Z',
        timeZone: 'Asia/Baku',
        format: 'in-person',
        kind: 'seminar',
        city: 'Baku',
        country: 'AZ',
        participatingCountries: ['AL', 'BG', 'CZ', 'FI', 'PT', 'SK', 'SI'],
        participantGroups: [{ count: 25, label: 'educators' }],
        registrationUrl: 'https://example.org/register',
        _status: 'published',
      },
      ...as(),
    })
    expect(event.slug).toBe('innovation-and-education')
    expect(event.participatingCountries).toHaveLength(7)
    const updated = await ctx.payload.update({
      collection: 'events',
      id: event.id,
      data: { format: 'hybrid' },
      ...as(),
    })
    expect(updated.format).toBe('hybrid')
    expect(updated.timeZone).toBe('Asia/Baku')
    await ctx.payload.delete({ collection: 'events', id: event.id, ...as() })
    expect((await ctx.payload.count({ collection: 'events' })).totalDocs).toBe(0)
  })

  it('should record statistics snapshots side by side, never overwriting an older one', async () => {
    const base = { metric: 'teachers', scope: 'country', country: 'AZ' } as const
    await ctx.payload.create({
      collection: 'statistics',
      data: { ...base, value: 4180, asOf: '2023-05-15' },
      ...as(),
    })
    await ctx.payload.create({
      collection: 'statistics',
      data: { ...base, value: 4308, asOf: '2025-02-07' },
      ...as(),
    })
    const { docs } = await ctx.payload.find({
      collection: 'statistics',
      where: { scopeKey: { equals: 'country:AZ' }, key: { equals: 'teachers' } },
      sort: '-asOf',
    })
    expect(docs.map((doc) => doc.value)).toEqual([4308, 4180])
  })

  it('should upload an image with its sizes and require alt text', async () => {
    const data = await png(1200, 630)
    const media = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'Seminar participants in Baku' },
      file: { data, mimetype: 'image/png', name: 'baku.png', size: data.length },
      ...as(),
    })
    expect(media.width).toBe(1200)
    expect(media.sizes?.thumbnail?.width).toBe(400)
    await expect(
      ctx.payload.create({
        collection: 'media',
        data: {} as never,
        file: { data, mimetype: 'image/png', name: 'no-alt.png', size: data.length },
        ...as(),
      }),
    ).rejects.toThrow(/alt/i)
  })

  it('should accept a PDF brochure and refuse an SVG', async () => {
    const pdf = minimalPdf()
    const brochure = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'Programme brochure' },
      file: { data: pdf, mimetype: 'application/pdf', name: 'brochure.pdf', size: pdf.length },
      ...as(),
    })
    expect(brochure.mimeType).toBe('application/pdf')
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    await expect(
      ctx.payload.create({
        collection: 'media',
        data: { alt: 'x' },
        file: { data: svg, mimetype: 'image/svg+xml', name: 'x.svg', size: svg.length },
        ...as(),
      }),
    ).rejects.toThrow()
  })

  it('should give the first user of an empty database the admin role', async () => {
    const first = await ctx.payload.find({ collection: 'users', sort: 'createdAt', limit: 1 })
    expect(first.docs[0]?.roles).toEqual(['admin'])
  })
})
