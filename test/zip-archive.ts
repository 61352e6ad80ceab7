import { createDeflateRaw, crc32 } from 'node:zlib';

/**
 * One member of a test ZIP archive: its name and its content, given as chunks so
 * that a bomb of 1 GB of zeros is deflated without ever being held in memory.
 * `declaredSize` overrides the uncompressed size written in the headers (a lying
 * archive); by default the true size is written.
 */
export type ZipMember = { name: string; chunks: () => Iterable<Uint8Array>; declaredSize?: number };

async function deflate(
  chunks: Iterable<Uint8Array>,
): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflater = createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => output.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve).on('error', reject);
  });
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (!deflater.write(chunk)) {
      await new Promise((resolve) => deflater.once('drain', resolve));
    }
  }
  deflater.end();
  await finished;
  return { data: Buffer.concat(output), size, crc };
}

/**
 * A ZIP archive (deflated members, no ZIP64) written by hand, so tests can build
 * what no well-behaved writer makes: bombs, and headers that lie about sizes.
 */
export async function buildZip(members: readonly ZipMember[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const { data, size, crc } = await deflate(member.chunks());
    const name = Buffer.from(member.name, 'utf8');
    const declared = member.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** `count` chunks of `size` bytes of `byte`: the same chunk, allocated once. */
export function* repeated(byte: number, size: number, count: number): Iterable<Uint8Array> {
  const chunk = new Uint8Array(size).fill(byte);
  for (let index = 0; index < count; index += 1) {
    yield chunk;
  }
}

/** A member holding `text`. */
export function textMember(name: string, text: string): ZipMember {
  return { name, chunks: () => [new TextEncoder().encode(text)] };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPES = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * The smallest workbook exceljs reads: one sheet whose cell A1 is the first shared
 * string, and B1 the second. `cell` gives the first string's text as chunks (a bomb
 * of zeros or "A"s); `declaredSize` is written for the shared strings part.
 */
export function workbookMembers(
  cell: () => Iterable<Uint8Array>,
  declaredSize?: number,
): ZipMember[] {
  const encoder = new TextEncoder();
  const strings: ZipMember = {
    name: 'xl/sharedStrings.xml',
    chunks: function* () {
      yield encoder.encode(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}"><si><t>`);
      yield* cell();
      yield encoder.encode('</t></si><si><t>name</t></si></sst>');
    },
    ...(declaredSize === undefined ? {} : { declaredSize }),
  };
  return [
    textMember(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPES}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPES}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${TYPES}.sharedStrings+xml"/></Types>`,
    ),
    textMember(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    textMember(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="Clients" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    textMember(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${OFFICE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    textMember(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    ),
    strings,
  ];
}
