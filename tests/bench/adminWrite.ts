/**
 * How long one admin write (a lever POST through the store) takes when the organisation has many
 * invitation codes. Run: npx tsx tests/bench/adminWrite.ts [codes=100000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../../server/store/index';

async function main(): Promise<void> {
  const codes = Number(process.argv[2] ?? 100_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-adminwrite-'));
  const store = await openStore({ dataDir });
  try {
    const organisation = await store.organisations.findOrCreateOrganisation('Bench College');
    const round = await store.rounds.createRound(organisation.id, {
      surveyId: 'shrm',
      name: 'R',
      groups: ['leraren'],
      anonymityThreshold: 5,
      actionGap: 1,
    });
    for (let made = 0; made < codes; made += 5000) {
      await store.rounds.createInvitations(organisation.id, round.id, 'leraren', Math.min(5000, codes - made));
    }
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const began = performance.now();
      await store.levers.createLever(organisation.id, {
        title: { nl: `Maatregel ${i}`, en: `Lever ${i}` },
        description: { nl: 'x', en: 'x' },
        cluster: 'samenwerken',
        themes: ['startende-leraren'],
        amo: ['ability'],
      });
      times.push(performance.now() - began);
    }
    times.sort((a, b) => a - b);
    const metaBytes = fs.statSync(path.join(dataDir, 'koers.json')).size;
    console.log(
      `admin write with ${codes} codes: median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms; koers.json ${(metaBytes / 1024).toFixed(0)} kB`,
    );
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
