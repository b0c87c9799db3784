import { crc32, deflateRawSync } from 'node:zlib'

/**
 * Test fixture: a zip archive (as an XLSX file is) whose one part inflates to `size` bytes of
 * spaces from a few kilobytes. `declaredSize` is the uncompressed size its headers claim, `size`
 * unless given: a smaller one makes an archive that lies about its contents.
 */
export const zipBomb = async (size: number, declaredSize = size): Promise<Uint8Array> => {
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const content = Buffer.alloc(size, 0x20)
  const data = deflateRawSync(content, { level: 9 })
  const crc = crc32(content)

  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.byteLength, 18)
  local.writeUInt32LE(declaredSize, 22)
  local.writeUInt16LE(name.byteLength, 26)

  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.byteLength, 20)
  central.writeUInt32LE(declaredSize, 24)
  central.writeUInt16LE(name.byteLength, 28)

  const directoryOffset = local.byteLength + name.byteLength + data.byteLength
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.byteLength + name.byteLength, 12)
  end.writeUInt32LE(directoryOffset, 16)

  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]))
}
