import { className, formatRR, rcodeName, typeName, type Message, type RR } from '@cutover/resolver';

/** A response in the layout `dig` uses, so that people can compare the two at a glance. */
export function formatMessage(message: Message): string {
  const flags = (['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const).filter((f) => message[f]);
  const lines = [
    `;; ->>HEADER<<- opcode: QUERY, status: ${rcodeName(message.rcode)}, id: ${message.id}`,
    `;; flags: ${flags.join(' ')}; QUERY: ${message.question.length}, ANSWER: ${message.answer.length}, ` +
      `AUTHORITY: ${message.authority.length}, ADDITIONAL: ${message.additional.length}`,
    '',
    ';; QUESTION SECTION:',
    ...message.question.map((q) => `;${q.name}\t\t${className(q.class)}\t${typeName(q.type)}`),
  ];
  section(lines, 'ANSWER', message.answer);
  section(lines, 'AUTHORITY', message.authority);
  section(lines, 'ADDITIONAL', message.additional);
  return `${lines.join('\n')}\n`;
}

function section(lines: string[], title: string, records: RR[]): void {
  if (records.length === 0) return;
  lines.push('', `;; ${title} SECTION:`, ...records.map(formatRR));
}
