# Experiment answer-decision (issue 13): fits the two logistic models of AnswerDecision on tuning TSVs
# from dev.tandem.answering.AnswerFeatures (top three articles per question) and reports every set.
#   python3 answer-decision-fit.py train1.tsv,train2.tsv other1.tsv,other2.tsv [answerAt suggestAt [modelFrom]]
# With modelFrom it also counts, per file, the questions LLM mode sends to the model: not answered by
# the embedded decision and P(one of the best three is right) >= modelFrom.
# "answer": P(the best article is right), features of the best and how it stands out from the rest.
# "suggest": P(one of the best three is right), features of the best only (is the question in scope).
# Thresholds: answerAt = the lowest with wrong answers <= 0.05 on every training file; suggestAt = the
# lowest keeping abstained correctly >= 0.90 on every training file.
import csv, sys, numpy as np
def feats(r):
    s1, s2, s3 = float(r['similarity1']), float(r['similarity2']), float(r['similarity3'])
    f1, f2 = float(r['score1']), float(r['score2'])
    return [s1, s1 - s2, s1 - s3, (f1 - f2) / f1 if f1 > 0 else 0, float(r['coverage1']), float(r['weighted1']),
            float(r['rarest1']), float(r['weighted1']) - float(r['weighted2'])]
NAMES = ['similarity', 'gap2', 'gap3', 'fusedMargin', 'coverage', 'weighted', 'rarestMissing', 'weightedGap']
SUGGEST = [0, 4, 5, 6]
def load(f):
    rows = list(csv.DictReader(open(f), delimiter='\t', quoting=csv.QUOTE_NONE))
    X = np.array([feats(r) for r in rows])
    A = np.array([r['answerable'] == 'true' for r in rows])
    c1 = np.array([r['correct1'] == 'true' for r in rows]) & A
    c3 = np.array([any(r['correct%d' % i] == 'true' for i in (1, 2, 3)) for r in rows]) & A
    c23 = np.array([any(r['correct%d' % i] == 'true' for i in (2, 3)) for r in rows]) & A
    return X, A, c1, c3
def fit(X, y, lam=0.01):
    mu = X.mean(0); sd = X.std(0) + 1e-9
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))]); w = np.zeros(Z.shape[1])
    for it in range(20000):
        p = 1 / (1 + np.exp(-Z @ w)); g = Z.T @ (p - y) / len(y); g[:-1] += lam * w[:-1]; w -= 0.5 * g
    return w, mu, sd
def prob(m, X):
    w, mu, sd = m; return 1 / (1 + np.exp(-(np.hstack([(X - mu) / sd, np.ones((len(X), 1))]) @ w)))
train = [load(f) for f in sys.argv[1].split(',')]
others = [load(f) for f in sys.argv[2].split(',') if f]
X = np.vstack([t[0] for t in train])
ma = fit(X, np.concatenate([t[2] for t in train]).astype(float))
ms = fit(X[:, SUGGEST], np.concatenate([t[3] for t in train]).astype(float))
def outcome(d, ta, ts):
    X, A, c1, c3 = d
    ans = prob(ma, X) >= ta
    sug = (~ans) & (prob(ms, X[:, SUGGEST]) >= ts)
    n = len(A); na = A.sum(); nu = n - na
    return ((ans & c1).sum() / na, (~ans & ~sug & ~A).sum() / max(1, nu), (ans & ~c1).sum() / n,
            (sug & c3).sum() / na, (sug & ~A).sum() / max(1, nu))
grid = np.round(np.arange(0.2, 0.96, 0.01), 2)
if len(sys.argv) > 3:
    ta, ts = float(sys.argv[3]), float(sys.argv[4])
else:
    ta = min(t for t in grid if all(outcome(d, t, 2)[2] <= 0.05 for d in train))
    ts = min([t for t in grid if all(outcome(d, ta, t)[1] >= 0.90 for d in train)] + [0.99])
print('answerAt', ta, 'suggestAt', ts)
for name, m, idx in (('answer', ma, list(range(len(NAMES)))), ('suggest', ms, SUGGEST)):
    w, mu, sd = m
    print(name, [NAMES[i] for i in idx])
    print('  weights', [round(float(v), 4) for v in w[:-1]], 'bias', round(float(w[-1]), 4))
    print('  means', [round(float(v), 4) for v in mu]); print('  deviations', [round(float(v), 4) for v in sd])
files = sys.argv[1].split(',') + [f for f in sys.argv[2].split(',') if f]
for f, d in zip(files, train + others):
    print('%-40s answered %.3f abstained %.3f wrong %.3f suggestedCorrectly %.3f suggested-unanswerable %.3f' % ((f[-40:],) + outcome(d, ta, ts)))

if len(sys.argv) > 5:
    mf = float(sys.argv[5])
    for f, d in zip(files, train + others):
        X, A, c1, c3 = d
        notAnswered = prob(ma, X) < ta
        asked = notAnswered & (prob(ms, X[:, SUGGEST]) >= mf)
        print('%-40s to the model: %d of %d answerable not answered (%d with the answer in the best three), %d of %d unanswerable'
              % (f[-40:], (asked & A).sum(), (notAnswered & A).sum(), (asked & c3).sum(), (asked & ~A).sum(), (~A).sum()))
