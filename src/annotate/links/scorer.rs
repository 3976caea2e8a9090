//! How likely two passages tell the same thing: logistic regression, in two
//! stages, trained by `verso links train`. The sentence stage reads two
//! passages alone ([`super::features`]) and is trained on MSRP's train split
//! (news sentences from different outlets, judged equivalent or not); the
//! context stage reads a pair within its two articles ([`super::context`]:
//! the sentence stage's score against the other candidates', position,
//! headline and lede) and is trained on links marked by hand on pairs of
//! independent reports. The weights are committed as text (`sentence.txt`,
//! `context.txt`: a feature's name, its mean and spread in training, its
//! weight); the bundled ones are read on first use.

use std::sync::OnceLock;

/// A trained logistic regression over named features.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorer {
    names: Vec<String>,
    mean: Vec<f32>,
    spread: Vec<f32>,
    weight: Vec<f32>,
    bias: f32,
    /// The probability at or above which a pair is linked.
    pub threshold: f32,
}

/// Both stages.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorers {
    pub sentence: Scorer,
    pub context: Scorer,
}

/// The bundled scorers.
pub fn get() -> &'static Scorers {
    static S: OnceLock<Scorers> = OnceLock::new();
    S.get_or_init(|| Scorers {
        sentence: Scorer::parse(include_str!("sentence.txt"), &super::features::NAMES)
            .expect("the bundled sentence.txt is sound"),
        context: Scorer::parse(include_str!("context.txt"), &super::context::NAMES)
            .expect("the bundled context.txt is sound"),
    })
}

impl Scorer {
    /// The probability that the pair with features `f` tells the same thing.
    pub fn prob(&self, f: &[f32]) -> f32 {
        1.0 / (1.0 + (-self.logit(f)).exp())
    }

    /// The probability for log-odds `z`.
    pub fn prob_of_logit(&self, z: f32) -> f32 {
        1.0 / (1.0 + (-z).exp())
    }

    /// The log-odds that the pair with features `f` tells the same thing.
    pub fn logit(&self, f: &[f32]) -> f32 {
        (0..self.weight.len())
            .map(|k| self.weight[k] * (f[k] - self.mean[k]) / self.spread[k])
            .sum::<f32>()
            + self.bias
    }

    /// Learns weights from examples (features, equivalent?), with an L2
    /// penalty `l2` on the weights of standardised features. Same examples,
    /// same weights.
    pub fn train(names: &[&str], xs: &[Vec<f32>], ys: &[bool], l2: f64, threshold: f32) -> Scorer {
        let n = xs.len().max(1) as f64;
        let nf = names.len();
        let mut mean = vec![0.0; nf];
        let mut spread = vec![1.0; nf];
        for k in 0..nf {
            let m = xs.iter().map(|x| f64::from(x[k])).sum::<f64>() / n;
            let v = xs
                .iter()
                .map(|x| (f64::from(x[k]) - m).powi(2))
                .sum::<f64>()
                / n;
            mean[k] = m as f32;
            spread[k] = if v > 1e-12 { v.sqrt() as f32 } else { 1.0 };
        }
        // Standardised, with a constant 1 last for the bias.
        let z: Vec<Vec<f64>> = xs
            .iter()
            .map(|x| {
                (0..nf)
                    .map(|k| f64::from((x[k] - mean[k]) / spread[k]))
                    .chain([1.0])
                    .collect()
            })
            .collect();
        // Newton's method: the loss is convex and there are few features.
        let mut w = vec![0.0f64; nf + 1];
        for _ in 0..30 {
            let mut g = vec![0.0f64; nf + 1];
            let mut h = vec![vec![0.0f64; nf + 1]; nf + 1];
            for (x, &y) in z.iter().zip(ys) {
                let s: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
                let p = 1.0 / (1.0 + (-s).exp());
                let e = p - f64::from(u8::from(y));
                let r = p * (1.0 - p);
                for i in 0..=nf {
                    g[i] += e * x[i];
                    for j in 0..=nf {
                        h[i][j] += r * x[i] * x[j];
                    }
                }
            }
            for i in 0..nf {
                g[i] += l2 * w[i];
                h[i][i] += l2;
            }
            h[nf][nf] += 1e-9;
            let step = solve(h, g);
            let big = step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
            for i in 0..=nf {
                w[i] -= step[i];
            }
            if big < 1e-7 {
                break;
            }
        }
        Scorer {
            names: names.iter().map(|n| n.to_string()).collect(),
            mean,
            spread,
            weight: w[..nf].iter().map(|&x| x as f32).collect(),
            bias: w[nf] as f32,
            threshold,
        }
    }

    /// The weights file: a header, then a line a feature.
    pub fn to_text(&self) -> String {
        let mut s = String::from(
            "# verso's link scorer: written by `verso links train`; feature mean spread weight\n",
        );
        s += &format!("threshold {}\nbias {}\n", self.threshold, self.bias);
        for k in 0..self.names.len() {
            s += &format!(
                "{} {} {} {}\n",
                self.names[k], self.mean[k], self.spread[k], self.weight[k]
            );
        }
        s
    }

    /// Reads [`Scorer::to_text`]'s format; errors name the line.
    pub fn parse(text: &str, names: &[&str]) -> Result<Scorer, String> {
        let nf = names.len();
        let mut s = Scorer {
            names: names.iter().map(|n| n.to_string()).collect(),
            mean: vec![0.0; nf],
            spread: vec![1.0; nf],
            weight: vec![0.0; nf],
            bias: 0.0,
            threshold: 0.5,
        };
        let mut seen = vec![false; nf];
        for (i, line) in text.lines().enumerate() {
            let bad = |what: &str| format!("line {}: {what}", i + 1);
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            let nums: Vec<f32> = parts[1..]
                .iter()
                .map(|p| {
                    p.parse::<f32>()
                        .map_err(|_| bad(&format!("`{p}` is not a number")))
                })
                .collect::<Result<_, _>>()?;
            match (parts[0], nums.as_slice()) {
                ("threshold", [t]) => s.threshold = *t,
                ("bias", [b]) => s.bias = *b,
                (name, [m, sp, w]) => {
                    let k = names
                        .iter()
                        .position(|n| *n == name)
                        .ok_or_else(|| bad(&format!("no feature `{name}`")))?;
                    if *sp <= 0.0 {
                        return Err(bad("the spread must be above 0"));
                    }
                    (s.mean[k], s.spread[k], s.weight[k], seen[k]) = (*m, *sp, *w, true);
                }
                _ => return Err(bad("expected `NAME MEAN SPREAD WEIGHT`")),
            }
        }
        if let Some(k) = seen.iter().position(|s| !s) {
            return Err(format!("no line for feature `{}`", names[k]));
        }
        Ok(s)
    }
}

/// Solves `h x = g` (h symmetric positive definite) by Gaussian elimination.
fn solve(mut h: Vec<Vec<f64>>, mut g: Vec<f64>) -> Vec<f64> {
    let n = g.len();
    for c in 0..n {
        let p = (c..n)
            .max_by(|&a, &b| h[a][c].abs().total_cmp(&h[b][c].abs()))
            .unwrap_or(c);
        h.swap(c, p);
        g.swap(c, p);
        if h[c][c].abs() < 1e-12 {
            continue;
        }
        let (top, rest) = h.split_at_mut(c + 1);
        let pivot = &top[c];
        for (i, row) in rest.iter_mut().enumerate() {
            let f = row[c] / pivot[c];
            for (x, p) in row[c..].iter_mut().zip(&pivot[c..]) {
                *x -= f * p;
            }
            g[c + 1 + i] -= f * g[c];
        }
    }
    let mut x = vec![0.0; n];
    for c in (0..n).rev() {
        let s: f64 = (c + 1..n).map(|k| h[c][k] * x[k]).sum();
        x[c] = if h[c][c].abs() < 1e-12 {
            0.0
        } else {
            (g[c] - s) / h[c][c]
        };
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_separates_and_the_text_reads_back() {
        // Equivalent when feature 0 is high.
        let names = ["signal", "noise"];
        let xs: Vec<Vec<f32>> = (0..200)
            .map(|i| vec![(i % 10) as f32, ((i * 7) % 5) as f32])
            .collect();
        let ys: Vec<bool> = (0..200).map(|i| i % 10 >= 5).collect();
        let s = Scorer::train(&names, &xs, &ys, 1.0, 0.5);
        let right = xs
            .iter()
            .zip(&ys)
            .filter(|(x, y)| (s.prob(x) >= 0.5) == **y)
            .count();
        assert!(right >= 190, "{right}");
        let back = Scorer::parse(&s.to_text(), &names).unwrap();
        assert!((back.prob(&xs[3]) - s.prob(&xs[3])).abs() < 1e-4);
        assert!(
            Scorer::parse("bias x", &names)
                .unwrap_err()
                .contains("line 1")
        );
        assert!(
            Scorer::parse("bias 1", &names)
                .unwrap_err()
                .contains("signal")
        );
        assert!(
            Scorer::parse("other 1 1 1", &names)
                .unwrap_err()
                .contains("no feature `other`")
        );
    }
}
