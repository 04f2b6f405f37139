#!/usr/bin/env python3
"""Draws a random sample of knowledge items for a content audit against official sources.

The pool is every obligation, service, actor, answer and event of the corpus and every DRL rule,
each once; the sample is reproducible from its seed. Run from the repository root:

    python3 scripts/audit-sample.py SEED [COUNT]

Prints the pool size and the seed, then one line per drawn item: kind, id, file (relative to the
corpus root). Needs PyYAML (python3-yaml).
"""
import glob
import os
import random
import re
import sys

import yaml

BASE = 'corpus/src/main/resources/corpus'
RULE = re.compile(r'rule\s+"([^"]+)"')


def pool():
    items = []
    for kind in ['obligations', 'services', 'actors', 'answers', 'events']:
        for path in sorted(glob.glob(f'{BASE}/{kind}/*.yaml')):
            for item in yaml.safe_load(open(path, encoding='utf-8')) or []:
                items.append((kind, item['id'], os.path.relpath(path, BASE)))
    for path in sorted(glob.glob(f'{BASE}/rules/*.drl')):
        for m in RULE.finditer(open(path, encoding='utf-8').read()):
            items.append(('rules', m.group(1), os.path.relpath(path, BASE)))
    return items


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    seed = int(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    items = pool()
    print(f'# pool {len(items)} items, seed {seed}')
    for kind, item_id, path in sorted(random.Random(seed).sample(items, count)):
        print(kind, item_id, path)


if __name__ == '__main__':
    main()
