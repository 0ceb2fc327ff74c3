/**
 * JSON.parse puts integer-like keys ("4418", "9905") in ascending order, but Wyscout's home team
 * is the FIRST key of `teams` as written in the file. This scanner reads the key order of one
 * top-level object straight from the text.
 */

/** Keys of the top-level member `member` (an object), in source order; null if absent. */
export function topLevelObjectKeys(text: string, member: string): string[] | null {
  const stack: Array<"{" | "["> = [];
  let expectKey = false;
  let pendingMember: string | null = null;
  let capture = false;
  const keys: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (stack.length === 1) pendingMember = key;
        if (capture && stack.length === 2) keys.push(key);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === "{") {
      stack.push("{");
      expectKey = true;
      if (stack.length === 2 && pendingMember === member) capture = true;
    } else if (c === "[") {
      stack.push("[");
      expectKey = false;
    } else if (c === "}" || c === "]") {
      stack.pop();
      if (capture && stack.length === 1) return keys;
      expectKey = false;
    } else if (c === ",") {
      expectKey = stack[stack.length - 1] === "{";
    }
    if (stack.length === 1 && c === ",") pendingMember = null;
    i += 1;
  }
  return null;
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i;
    else i += 1;
  }
  return text.length - 1;
}
