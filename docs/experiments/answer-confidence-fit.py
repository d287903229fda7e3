# Experiment answer-confidence: the logistic fit of second-model-fit.py (same method: standardised
# features, L2 lambda 0.01, gradient descent; threshold = the lowest of 0.30..0.90 with wrong answers
# <= 0.05 on EVERY training file), over named feature sets of AnswerConfidence.FEATURES.
# The held-out FAQ set is built by second-model-fit.py build OUT_DIR /work/shared/eval/faq-dev.
# Fit:  python3 answer-confidence-fit.py SET train1.tsv,train2.tsv eval1.tsv,...   SET: control | agreement | chosen
# (TSVs from dev.tandem.answering.AnswerFeatures; "chosen" evaluates AnswerConfidence.CHOSEN as it is.)
import csv, sys, numpy as np
ALL = ['similarity', 'coverage', 'gap', 'weightedCoverage', 'rarestMissing', 'bm25Reciprocal', 'denseReciprocal',
       'bothFirst', 'fusedMargin', 'titleSimilarity', 'passagesFound', 'questionTerms']
SETS = {'control': ALL[:5], 'chosen': ALL[:5], 'agreement': ALL}
F = SETS[sys.argv[1]]
def load(f):
    rows = list(csv.DictReader(open(f), delimiter='\t', quoting=csv.QUOTE_NONE))
    X = np.array([[float(r[k]) for k in F] for r in rows])
    y = np.array([1 if (r['answerable'] == 'true' and r['correct1'] == 'true') else 0 for r in rows])
    A = np.array([r['answerable'] == 'true' for r in rows]); L = np.array([r['inLanguage'] == 'true' for r in rows])
    return X, y, A, L
train = [load(f) for f in sys.argv[2].split(',')]
X = np.vstack([t[0] for t in train]); y = np.concatenate([t[1] for t in train])
mu = X.mean(0); sd = X.std(0) + 1e-9
Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))]); w = np.zeros(Z.shape[1]); lam = 0.01
for it in range(20000):
    p = 1 / (1 + np.exp(-Z @ w)); g = Z.T @ (p - y) / len(y); g[:-1] += lam * w[:-1]; w -= 0.5 * g
if sys.argv[1] == 'chosen':
    w = np.array([0.6788, -0.7429, 1.2988, 1.6241, 0.4854, 0.6386])
    mu = np.array([0.7993, 0.5489, 0.0527, 0.4411, 4.7798]); sd = np.array([0.0863, 0.2319, 0.0501, 0.2553, 1.7397])
def prob(X): return 1 / (1 + np.exp(-(np.hstack([(X - mu) / sd, np.ones((len(X), 1))]) @ w)))
def rep(X, y, A, L, t):
    a = (prob(X) >= t) & L
    return ((a & (y == 1)).sum() / A.sum(), ((~a) & (~A)).sum() / max(1, (~A).sum()), (a & (y == 0)).sum() / len(y))
ts = np.round(np.arange(0.30, 0.91, 0.01), 2)
t = 0.6 if sys.argv[1] == 'chosen' else min(t for t in ts if all(rep(*d, t)[2] <= 0.05 for d in train))
print('features', F); print('threshold', t)
print('weights', [round(float(v), 4) for v in w[:-1]], 'bias', round(float(w[-1]), 4))
print('means', [round(float(v), 4) for v in mu]); print('deviations', [round(float(v), 4) for v in sd])
for f in sys.argv[2].split(',') + sys.argv[3].split(','):
    d = load(f); r = rep(*d, t)
    pv = np.clip(prob(d[0]), 1e-9, 1 - 1e-9); yv = d[1]; ll = -np.mean(yv * np.log(pv) + (1 - yv) * np.log(1 - pv))
    pos = pv[yv == 1]; neg = pv[yv == 0]
    auc = ((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()) / (len(pos) * len(neg))
    best = max([rep(*d, tt)[0] for tt in ts if rep(*d, tt)[2] <= 0.05] + [0])
    print(f, 'answered %.3f abstained %.3f wrong %.3f' % r, '| logloss %.3f AUC %.3f | oracle answered@wrong<=.05 %.3f' % (ll, auc, best))
p = np.clip(prob(X), 1e-9, 1 - 1e-9); print('train logloss %.4f' % (-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))))
