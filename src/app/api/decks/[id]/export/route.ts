import { z } from 'zod';
import { toExportCsv, toExportJson } from '@/core/decks/deck-export';
import { notFound, parseQuery, route } from '@/server/api';
import { userFromHeaders } from '@/server/auth';
import { db } from '@/server/db';
import { writeAnkiPackage } from '@/server/decks/anki/write-package';
import { getDeckData } from '@/server/decks/queries';

type Ctx = { params: Promise<{ id: string }> };
const query = z.object({ format: z.enum(['json', 'csv', 'apkg']).default('json') });

/**
 * GET /api/decks/:id/export?format=json|csv|apkg: the same shapes as `npm run deck -- export <id>`
 * (core exporters), as a download; apkg is an Anki package.
 */
export const GET = route(async (req, { params }: Ctx) => {
  const { id } = await params;
  const { format } = parseQuery(req, query);
  const deck = await getDeckData(db(), id, await userFromHeaders(req.headers));
  if (!deck) throw notFound('No such deck.');
  if (format === 'apkg') {
    return new Response(new Uint8Array(writeAnkiPackage([deck], new Date())), {
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${deck.id}.apkg"`,
        'cache-control': 'no-store',
      },
    });
  }
  const body = format === 'json' ? `${JSON.stringify(toExportJson([deck]), null, 2)}\n` : toExportCsv([deck]);
  return new Response(body, {
    headers: {
      'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${deck.id}.${format}"`,
      'cache-control': 'no-store',
    },
  });
});
