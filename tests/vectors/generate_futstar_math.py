#!/usr/bin/env python3
"""Generates futstar's math test vectors (pnl, fees, payout, lp, pool value) from the spec with Python's
exact integers — an implementation independent of the Rust code that checks them.

Run: python3 tests/vectors/generate_futstar_math.py  (rewrites the five JSON files).
All integers are decimal strings so JavaScript can read them exactly (BigInt)."""
import json, os, random

BPS, MAX_AMOUNT, MAX_LEVERAGE = 10_000, 10**15, 100
HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20260601)

def ceil_div(a, b): return -(-a // b)

def pnl(side, collateral, notional, entry, exit_, max_profit):
    for v in (collateral, notional, max_profit):
        if v > MAX_AMOUNT: return None
    if entry > BPS or exit_ > BPS: return None
    diff = (exit_ - entry) if side == 0 else (entry - exit_)
    if diff >= 0: return min(notional * diff // BPS, max_profit)
    return -min(ceil_div(notional * -diff, BPS), collateral)

def fee(notional, bps):
    if notional > MAX_AMOUNT or bps > BPS: return None
    return ceil_div(notional * bps, BPS)

def split(f, lp_bps):
    if f > MAX_AMOUNT or lp_bps > BPS: return None
    lp = ceil_div(f * lp_bps, BPS)
    return lp, f - lp

def notional(collateral, leverage):
    if leverage == 0 or leverage > MAX_LEVERAGE or collateral > MAX_AMOUNT: return ("OutOfBounds", None)
    n = collateral * leverage
    return ("Overflow", None) if n > MAX_AMOUNT else (None, n)

def max_profit(side, n, entry, cap):
    if entry > BPS or n > MAX_AMOUNT or cap > MAX_AMOUNT: return None
    room = BPS - entry if side == 0 else entry
    return min(ceil_div(n * room, BPS), cap)

def settle(side, collateral, n, entry, exit_, mp, close_bps):
    p = pnl(side, collateral, n, entry, exit_, mp)
    f = fee(n, close_bps)
    if p is None or f is None: return None
    equity = collateral + p
    f = min(f, equity)
    return p, f, equity - f

def shares_for_deposit(amount, supply, value):
    if supply == 0: return amount
    if value == 0: return "DivisionByZero"
    q = amount * supply // value
    return "Overflow" if q >= 2**64 else q

def amount_for_withdraw(shares, supply, value):
    if shares > supply: return "OutOfBounds"
    if supply == 0: return "DivisionByZero"
    return shares * value // supply

S = str
def amounts():
    return rng.choice([0, 1, 3, 999, 10**6, 10**9, rng.randrange(1, 10**12), rng.randrange(1, MAX_AMOUNT + 1), MAX_AMOUNT])
def bps(): return rng.choice([0, 1, 4999, 5000, 5001, 9999, 10_000, rng.randrange(0, BPS + 1)])

def write(name, description, cases):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump({"description": description, "generator": "tests/vectors/generate_futstar_math.py", "cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")

# pnl.json
cases = []
fixed = [(0, 10**6, 10**7, 5000, 5100, 5 * 10**6), (1, 10**6, 10**7, 5000, 5100, 5 * 10**6), (0, 1000, 3, 5000, 4999, 10),
         (0, 1000, 3, 5000, 5001, 10), (0, 10**6, 10**7, 5000, 0, 10**9), (0, 10**6, 10**7, 0, 10000, 10**6),
         (1, MAX_AMOUNT, MAX_AMOUNT, 10000, 0, MAX_AMOUNT), (0, 1, 1, 10001, 0, 1), (0, 1, MAX_AMOUNT + 1, 0, 1, 1)]
for _ in range(60):
    fixed.append((rng.randrange(2), amounts(), amounts(), bps(), bps(), amounts()))
for side, c, n, e, x, mp in fixed:
    r = pnl(side, c, n, e, x, mp)
    case = {"side": side, "collateral": S(c), "notional": S(n), "entry_bps": e, "exit_bps": x, "max_profit": S(mp)}
    case.update({"pnl": S(r)} if r is not None else {"error": "OutOfBounds"})
    cases.append(case)
write("pnl.json", "pnl = notional × (exit − entry)/10000 × side (0 long, 1 short); profit rounded down and capped at max_profit, loss rounded up and floored at −collateral; amounts ≤ 10^15, indices ≤ 10000 else error OutOfBounds", cases)

# fees.json
cases = []
for _ in range(40):
    n, b, lp = amounts(), rng.choice([0, 1, 10, 30, 1000, 10_000, 10_001]), rng.choice([0, 1, 3333, 7000, 10_000])
    f = fee(n, b)
    case = {"kind": "fee", "notional": S(n), "fee_bps": b}
    if f is None: case["error"] = "OutOfBounds"; cases.append(case); continue
    case["fee"] = S(f); cases.append(case)
    sp = split(f, lp)
    cases.append({"kind": "split", "fee": S(f), "lp_share_bps": lp, "lp": S(sp[0]), "treasury": S(sp[1])})
for c, l in [(10**6, 5), (MAX_AMOUNT, 1), (MAX_AMOUNT, 2), (1, 0), (1, 101), (MAX_AMOUNT + 1, 1), (10**13, 100)]:
    err, n = notional(c, l)
    case = {"kind": "notional", "collateral": S(c), "leverage": l}
    case.update({"error": err} if err else {"notional": S(n)})
    cases.append(case)
write("fees.json", "fee = ceil(notional × fee_bps / 10000); split: lp = ceil(fee × lp_share_bps / 10000), treasury = fee − lp; notional = collateral × leverage (1..=100) ≤ 10^15", cases)

# payout.json
cases = []
for _ in range(60):
    side, n, e, cap = rng.randrange(2), amounts(), bps(), amounts()
    c = max(1, n // rng.choice([1, 2, 5, 10, 100]))
    mp = max_profit(side, n, e, cap)
    x, cb = bps(), rng.choice([0, 10, 30, 1000])
    case = {"side": side, "collateral": S(c), "notional": S(n), "entry_bps": e, "cap": S(cap), "exit_bps": x, "close_fee_bps": cb}
    if mp is None: case["error"] = "OutOfBounds"; cases.append(case); continue
    case["max_profit"] = S(mp)
    st = settle(side, c, n, e, x, mp, cb)
    if st is None: case["error"] = "OutOfBounds"
    else: case.update({"pnl": S(st[0]), "fee": S(st[1]), "payout": S(st[2])})
    cases.append(case)
write("payout.json", "max_profit = min(ceil(notional × (10000 − entry)/10000) long | ceil(notional × entry/10000) short, cap); settlement at exit: pnl (see pnl.json), fee = min(ceil(notional × close_fee_bps/10000), collateral + pnl), payout = collateral + pnl − fee", cases)

# lp.json
cases = []
for _ in range(40):
    a, s, v = rng.choice([1, 10**6, rng.randrange(1, 2**64)]), rng.choice([0, 1, 7, 10**12, rng.randrange(0, 2**64)]), rng.choice([0, 1, 3, 10**12, rng.randrange(0, 2**64)])
    r = shares_for_deposit(a, s, v)
    case = {"kind": "deposit", "amount": S(a), "supply": S(s), "value": S(v)}
    case.update({"error": r} if isinstance(r, str) else {"shares": S(r)})
    cases.append(case)
    sh = rng.randrange(0, s + 2) if s < 2**63 else rng.randrange(0, 2**64)
    r = amount_for_withdraw(sh, s, v)
    case = {"kind": "withdraw", "shares": S(sh), "supply": S(s), "value": S(v)}
    case.update({"error": r} if isinstance(r, str) else {"amount": S(r)})
    cases.append(case)
write("lp.json", "deposit: shares = amount if supply = 0, else floor(amount × supply / value) (value 0 → DivisionByZero, > u64 → Overflow); withdraw: amount = floor(shares × value / supply) (shares > supply → OutOfBounds)", cases)

# pool_value.json
def sdiv(x, up):  # x / BPS rounded down or up, for signed x
    return ceil_div(x, BPS) if up else x // BPS

def traders_pnl(b, index, up):
    if index > BPS: return None
    for k in ("oi_long", "oi_short", "collateral_locked", "reserved"):
        if b[k] > MAX_AMOUNT: return None
    if b["entry_sum_long"] > b["oi_long"] * BPS or b["entry_sum_short"] > b["oi_short"] * BPS: return None
    total = sdiv(index * b["oi_long"] - b["entry_sum_long"], up) + sdiv(b["entry_sum_short"] - index * b["oi_short"], up)
    return max(-b["collateral_locked"], min(b["reserved"], total))

def values(b, index):
    lo, hi = traders_pnl(b, index, False), traders_pnl(b, index, True)
    if lo is None: return "OutOfBounds", None
    dep = b["liquidity"] - lo
    wd = b["liquidity"] - max(hi, 0)
    if dep < 0 or wd < 0: return "OutOfBounds", None
    if dep >= 2**64: return "Overflow", None
    return None, (dep, wd)

cases = []
for k in range(60):
    oi_l, oi_s = rng.choice([0, amounts(), 3]), rng.choice([0, amounts(), 7])
    b = {"oi_long": oi_l, "entry_sum_long": oi_l * bps() if oi_l else 0,
         "oi_short": oi_s, "entry_sum_short": oi_s * bps() if oi_s else 0}
    if k % 7 == 3: b["entry_sum_long"] = oi_l * BPS + 1  # inconsistent book
    b["collateral_locked"] = (oi_l + oi_s) // rng.choice([1, 2, 10, 100]) if oi_l + oi_s else 0
    b["reserved"] = rng.randrange(0, oi_l + oi_s + 1)
    b["liquidity"] = b["reserved"] + rng.choice([0, 1, amounts()])
    index = rng.choice([0, 5000, 10_000, bps(), bps(), 10_001])
    err, v = values(b, index)
    case = {k2: S(v2) for k2, v2 in b.items()}
    case["index_bps"] = index
    if err: case["error"] = err
    else: case.update({"deposit_value": S(v[0]), "withdraw_value": S(v[1])})
    cases.append(case)
write("pool_value.json", "traders' pnl = clamp(Σ_long (index × oi − entry_sum)/10000 + Σ_short (entry_sum − index × oi)/10000, −collateral_locked, reserved), each side rounded down (deposit) or up (withdraw); deposit_value = liquidity − pnl_down; withdraw_value = liquidity − max(pnl_up, 0); entry_sum > oi × 10000 or index > 10000 → OutOfBounds", cases)
print("wrote pnl.json fees.json payout.json lp.json pool_value.json")
