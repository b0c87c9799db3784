import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, expect, it } from 'vitest'

import { cmsDir } from '../scripts/production-build'
import type { CmsProcess } from './helpers/cms-process'
import { describeWithBuild, startCms } from './helpers/cms-process'
import { adminEnv, loginAdmin, organizationData, postJson, tempSqlite } from './helpers/system'

const image = fs.readFileSync(path.resolve(cmsDir, '..', 'docs', 'images', 'demo.png'))
// Uploads land in the CMS's media folder; a unique prefix lets the test remove exactly its own.
const mediaDir = path.join(cmsDir, 'data', 'media')
const prefix = `system-upload-${Date.now()}`

describeWithBuild()('SQLite: saves while images are uploaded', () => {
  const db = tempSqlite('concurrent')
  let cms: CmsProcess | undefined
  let uploads: number[] = []
  let saves: number[] = []

  beforeAll(async () => {
    cms = await startCms({ databaseUrl: db.url, env: adminEnv() })
    const auth = await loginAdmin(cms.url)
    const upload = async (index: number) => {
      const form = new FormData()
      form.append('file', new Blob([image], { type: 'image/png' }), `${prefix}-${index}.png`)
      form.append('_payload', JSON.stringify({ alt: `Upload ${index}` }))
      const response = await fetch(`${cms!.url}/api/media`, {
        method: 'POST',
        headers: { authorization: auth },
        body: form,
      })
      return response.status
    }
    const pendingUploads = [0, 1, 2].map(upload)
    const pendingSaves: Promise<number>[] = []
    // Saves arrive one after the other while the images are being resized.
    for (let index = 0; index < 40; index += 1) {
      pendingSaves.push(
        postJson(
          `${cms.url}/api/organizations`,
          auth,
          organizationData(`Concurrent school ${index}`),
        ).then(({ status }) => status),
      )
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    uploads = await Promise.all(pendingUploads)
    saves = await Promise.all(pendingSaves)
  })

  afterAll(async () => {
    await cms?.stop()
    db.remove()
    for (const file of fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir) : []) {
      if (file.startsWith(prefix)) fs.rmSync(path.join(mediaDir, file))
    }
  })

  it('should store every upload', () => {
    expect(uploads).toEqual([201, 201, 201])
  })

  it('should store every save made during the uploads', () => {
    expect(saves).toEqual(Array(40).fill(201))
  })
})
