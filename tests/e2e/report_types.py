#!/usr/bin/python3
"""tests/e2e/report_types.py: every report type renders from the sample
database with the figures, comparisons, period wording and signer block its
data calls for; a province over 25 generated departments prints the totals
this script sums itself; a report type defined only by files under tests/
renders with no C change.

Usage: report_types.py BAOCAO SRC WORK SAMPLE_DB

Expected text is computed here from the database with Python's own
arithmetic and Vietnamese number formatting, never read back from baocao.
Prints ok:/FAIL: lines and exits 1 on any failure.
"""
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

BAOCAO, SRC, WORK, DB = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
failures = 0


def check(name, ok, detail=""):
    global failures
    if ok:
        print(f"ok: {name}")
    else:
        failures += 1
        print(f"FAIL: {name} {detail}")


def fmt(x, decimals=None):
    """baocao's `so`: '.' groups thousands, ',' marks decimals, half away
    from zero; without decimals, as many as the number has (up to 6)."""
    d = Decimal(repr(float(x)))
    if decimals is None:
        d = d.quantize(Decimal("0.000001"), ROUND_HALF_UP).normalize()
        if d == d.to_integral():
            d = d.quantize(Decimal(1))
    else:
        d = d.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def dem(x):
    return f"0{int(x)}" if 1 <= x <= 9 else fmt(x)


def so_voi(v, base, label, decimals=1):
    if v == base:
        return f"bằng {label}"
    change = (v - base) / abs(base) * 100
    return f"{'tăng' if change > 0 else 'giảm'} {fmt(abs(change), decimals)}% so với {label}"


def chenh_lech(v, base, unit=""):
    d = v - base
    if d == 0:
        return "không thay đổi"
    return f"{'tăng' if d > 0 else 'giảm'} {fmt(abs(d))}" + (f" {unit}" if unit else "")


def rate(a, b, decimals):
    return fmt(a / b * 100, decimals) + "%"


ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def upper(s):
    return s.upper()


def label(kind, year, number):
    return {"quarter": f"quý {ROMAN[number or 0]} năm {year}",
            "half": f"6 tháng đầu năm {year}",
            "nine_months": f"9 tháng năm {year}",
            "year": f"năm {year}"}[kind]


def next_label(kind, year, number):
    if kind == "quarter":
        return f"quý {ROMAN[number + 1]} năm {year}" if number < 4 else f"quý I năm {year + 1}"
    return {"half": f"6 tháng cuối năm {year}", "nine_months": f"quý IV năm {year}",
            "year": f"năm {year + 1}"}[kind]


def minus_year(iso):
    d = date.fromisoformat(iso)
    return d.replace(year=d.year - 1).isoformat()


def render(db, agency, period, out, *extra):
    r = subprocess.run([BAOCAO, "render", "--db", db, "--agency", agency, "--period", period,
                        "-o", str(out), *extra], capture_output=True, text=True)
    if r.returncode != 0:
        check(f"render {agency} {period}", False, r.stderr.strip())
        return None
    return subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout


def flat(text):
    return re.sub(r"\s+", " ", text)


def has(name, text, *needles):
    missing = [n for n in needles if n not in flat(text)]
    check(name, not missing, f"missing: {missing}")


class Data:
    def __init__(self, path):
        self.db = sqlite3.connect(path)

    def period(self, code):
        return self.db.execute("SELECT kind, year, number, starts, ends FROM period WHERE code = ?",
                               (code,)).fetchone()

    def same_period_last_year(self, code):
        kind, _y, _n, starts, ends = self.period(code)
        r = self.db.execute("SELECT code FROM period WHERE kind = ? AND starts = ? AND ends = ?",
                            (kind, minus_year(starts), minus_year(ends))).fetchone()
        return r and r[0]

    def previous(self, code):
        kind, _y, _n, starts, _e = self.period(code)
        r = self.db.execute("SELECT code FROM period WHERE kind = ? AND ends < ? "
                            "ORDER BY ends DESC LIMIT 1", (kind, starts)).fetchone()
        return r and r[0]

    def values(self, agency, period):
        return dict(self.db.execute("SELECT indicator_code, num FROM indicator_value "
                                    "WHERE agency_code = ? AND period_code = ?", (agency, period)))

    def members(self, agency):
        return [r[0] for r in self.db.execute(
            "SELECT code FROM agency WHERE parent_code = ? ORDER BY code", (agency,))]

    def report(self, agency, period):
        return self.db.execute(
            "SELECT r.number, r.issued_on, s.authority, s.title, s.full_name FROM report r "
            "JOIN signer s ON s.id = r.signer_id WHERE r.agency_code = ? AND r.period_code = ? "
            "AND r.template LIKE 'cchc%'",
            (agency, period)).fetchone()


def signer_block(data, agency, period):
    number, issued, authority, title, name = data.report(agency, period)
    y, m, d = (int(x) for x in issued.split("-"))
    return ([f"ngày {d:02d} tháng {m:02d} năm {y}" if m < 3 else f"ngày {d:02d} tháng {m} năm {y}",
             f"Số: {number:02d}/BC-"] + (authority.split("\n") if authority else []) + [title, name])


# ---- a department's CCHC report, one template for four kinds of period ----
data = Data(DB)
for period in ["2023-Q3", "2023-H1", "2023-9M", "2022"]:
    text = render(DB, "STP-TV", period, WORK / f"stp-{period}.pdf")
    if text is None:
        continue
    kind, year, number, _s, _e = data.period(period)
    lab, nxt = label(kind, year, number), next_label(kind, year, number)
    v = data.values("STP-TV", period)
    last = data.same_period_last_year(period)
    c = data.values("STP-TV", last)
    t = f"STP-TV {period} ({lab})"
    has(f"{t}: title, period wording, headings", text,
        f"BÁO CÁO Kết quả thực hiện công tác cải cách hành chính {lab}",
        f"báo cáo kết quả thực hiện công tác cải cách hành chính {lab} như sau",
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {upper(nxt)}", "V. KIẾN NGHỊ, ĐỀ XUẤT")
    tn = v["cchc.tthc_tiep_nhan"]
    has(f"{t}: figures, rates and comparisons with {last}", text,
        f"Tiếp nhận {fmt(tn)} hồ sơ thủ tục hành chính, "
        f"{so_voi(tn, c['cchc.tthc_tiep_nhan'], 'cùng kỳ năm trước')}",
        f"tiếp nhận trực tuyến {fmt(v['cchc.tthc_truc_tuyen'])} hồ sơ, chiếm tỷ lệ "
        f"{rate(v['cchc.tthc_truc_tuyen'], tn, 2)}",
        f"Giải quyết đúng hạn {fmt(v['cchc.tthc_dung_han'])} hồ sơ, đạt tỷ lệ "
        f"{rate(v['cchc.tthc_dung_han'], tn, 2)} số hồ sơ tiếp nhận; quá hạn "
        f"{dem(v['cchc.tthc_qua_han'])} hồ sơ ({chenh_lech(v['cchc.tthc_qua_han'], c['cchc.tthc_qua_han'], 'hồ sơ')} so với cùng kỳ)",
        f"tham mưu ban hành {dem(v['cchc.vbqppl_ban_hanh'])} văn bản quy phạm pháp luật "
        f"({chenh_lech(v['cchc.vbqppl_ban_hanh'], c['cchc.vbqppl_ban_hanh'], 'văn bản')} so với cùng kỳ năm {year - 1})",
        f"đạt {rate(v['cchc.giai_ngan'], v['cchc.du_toan'], 1)} dự toán")
    if kind == "quarter":
        prev = data.previous(period)
        p = data.values("STP-TV", prev)
        pk, py, pn, _a, _b = data.period(prev)
        has(f"{t}: compared with the quarter before ({prev})", text,
            f"và {chenh_lech(tn, p['cchc.tthc_tiep_nhan'], 'hồ sơ')} so với {label(pk, py, pn)};")
    else:
        check(f"{t}: no quarter-on-quarter comparison", "so với quý" not in flat(text))
    has(f"{t}: signer block", text, *signer_block(data, "STP-TV", period))
    # the standard indicator phụ lục: areas in order, rows numbered within
    # them; read with -layout, where a row's cells share its first line
    lines = subprocess.run(["pdftotext", "-layout", str(WORK / f"stp-{period}.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    rows = [re.escape(f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH {upper(lab)}")]
    groups = data.db.execute(
        "SELECT s.code, s.name FROM section s WHERE EXISTS (SELECT 1 FROM indicator i "
        "JOIN indicator_value v ON v.indicator_code = i.code WHERE i.section = s.code "
        "AND v.agency_code = 'STP-TV' AND v.period_code = ?) ORDER BY s.position", (period,)).fetchall()
    for g, (section, name) in enumerate(groups, 1):
        rows.append(rf"^\s*{ROMAN[g]}\s+{re.escape(' '.join(upper(name).split()[:3]))}")
        inds = data.db.execute("SELECT code, name, unit FROM indicator WHERE section = ? "
                               "AND code IN (SELECT indicator_code FROM indicator_value WHERE "
                               "agency_code = 'STP-TV' AND period_code = ?) ORDER BY position, code",
                               (section, period)).fetchall()
        for i, (code, iname, unit) in enumerate(inds, 1):
            rows.append(rf"^\s*{i}\s+{re.escape(' '.join(iname.split()[:3]))} .*\s{re.escape(unit)}\s+"
                        rf"{re.escape(fmt(v[code]))}\s+{re.escape(fmt(c[code]))}\s+"
                        rf"{re.escape(chenh_lech(v[code], c[code]))}\s*$")
    at, pos = [], 0
    for r in rows:
        pos = next((k for k in range(pos, len(lines)) if re.search(r, lines[k])), -1)
        at.append(pos)
        if pos < 0:
            break
    check(f"{t}: phụ lục: {len(groups)} areas and {len(rows) - len(groups) - 1} rows, in order",
          all(a >= 0 for a in at), f"not found after the rows before it: {rows[len(at) - 1]}")


# ---- the province report: totals, per-agency rows, ranking ----
def check_province(db, agency, period, out, name):
    d = Data(db)
    text = render(db, agency, period, out)
    if text is None:
        return
    members = d.members(agency)
    vals = {m: d.values(m, period) for m in members}
    last = d.same_period_last_year(period)
    lvals = {m: d.values(m, last) for m in members}
    tot = lambda code: sum(vals[m][code] for m in members)
    ltot = lambda code: sum(lvals[m][code] for m in members)
    tn, tt, dh, qh = (tot("cchc.tthc_" + k) for k in ("tiep_nhan", "truc_tuyen", "dung_han", "qua_han"))
    has(f"{name}: totals over {len(members)} agencies equal the sums", text,
        f"của {dem(len(members))} sở, ban, ngành tỉnh như sau",
        f"tham mưu ban hành {dem(tot('cchc.vbqppl_ban_hanh'))} văn bản quy phạm pháp luật "
        f"({chenh_lech(tot('cchc.vbqppl_ban_hanh'), ltot('cchc.vbqppl_ban_hanh'), 'văn bản')}",
        f"tiếp nhận: {fmt(tn)} hồ sơ, {so_voi(tn, ltot('cchc.tthc_tiep_nhan'), 'cùng kỳ năm trước')}",
        f"Tổng cộng {fmt(tn)} {fmt(tt)} {fmt(dh)} {fmt(qh)} {rate(dh, tn, 2)}",
        f"giải ngân {fmt(tot('cchc.giai_ngan'))} triệu đồng, đạt {rate(tot('cchc.giai_ngan'), tot('cchc.du_toan'), 1)} dự toán",
        f"bình quân của các sở, ban, ngành: {fmt(tot('cchc.diem_tu_danh_gia') / len(members), 2)} điểm",
        "Tổng cộng " + " ".join(fmt(tot(c)) for c in (
            "cchc.vbqppl_ban_hanh", "cchc.vbqppl_ra_soat", "cchc.tthc_tiep_nhan", "cchc.tthc_so_hoa",
            "cchc.bien_che", "cchc.giai_ngan", "cchc.vb_dien_tu", "cchc.dvc_toan_trinh")))
    names = dict(d.db.execute("SELECT code, full_name FROM agency"))
    rows = [f"{i} {names[m]} {fmt(vals[m]['cchc.tthc_tiep_nhan'])} {fmt(vals[m]['cchc.tthc_truc_tuyen'])} "
            f"{fmt(vals[m]['cchc.tthc_dung_han'])} {fmt(vals[m]['cchc.tthc_qua_han'])} "
            f"{rate(vals[m]['cchc.tthc_dung_han'], vals[m]['cchc.tthc_tiep_nhan'], 2)}"
            for i, m in enumerate(members, 1)]
    has(f"{name}: one row per agency, by code", text, *rows)
    avg = tot("cchc.diem_tu_danh_gia") / len(members)
    ranked = sorted(members, key=lambda m: -vals[m]["cchc.diem_tu_danh_gia"])  # stable: code order on ties
    body = flat(text)
    start = body.find("Chênh lệch so với bình quân")
    rank_rows = [f"{i} {names[m]} {fmt(vals[m]['cchc.diem_tu_danh_gia'], 2)} "
                 f"{fmt(vals[m]['cchc.diem_tu_danh_gia'] - avg, 2)}" for i, m in enumerate(ranked, 1)]
    at = [body.find(r, start) for r in rank_rows]
    check(f"{name}: ranking by score, ties in code order", start >= 0 and all(a >= 0 for a in at)
          and at == sorted(at), f"{[r for r, a in zip(rank_rows, at) if a < 0][:2]}")
    return text


text = check_province(DB, "UBND-TV", "2023-Q3", WORK / "tinh.pdf", "UBND-TV 2023-Q3")
if text:
    has("UBND-TV: header and signer block", text, "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH", "Số: 287/BC-UBND",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Nguyễn Văn An", "Phụ lục I", "Phụ lục II")

# ---- 25 generated departments ----
gen = WORK / "province25.db"
shutil.copy(DB, gen)
rng = random.Random(25)
g = sqlite3.connect(gen)
g.execute("INSERT INTO agency (code, name, full_name, parent_name, symbol, place) VALUES "
          "('UBND-XX', 'ỦY BAN NHÂN DÂN\nTỈNH THỬ', 'Ủy ban nhân dân tỉnh Thử', NULL, 'UBND', 'Thử')")
g.execute("INSERT INTO signer (id, agency_code, authority, title, full_name) VALUES "
          "(900, 'UBND-XX', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'CHỦ TỊCH', 'Phạm Văn Thử')")
g.execute("INSERT INTO report VALUES ('UBND-XX', '2023-Q3', 'cchc_tinh', NULL, NULL, 900, 'VP')")
for key in ("chi_dao", "ton_tai", "phuong_huong"):
    g.execute("INSERT INTO narrative VALUES ('UBND-XX', '2023-Q3', ?, 'Nội dung.')", (key,))
codes = [r[0] for r in g.execute("SELECT code FROM indicator WHERE code LIKE 'cchc.%'")]
for i in range(25):
    code = f"S{i:02d}-XX"
    g.execute("INSERT INTO agency (code, name, full_name, parent_name, symbol, place, parent_code) "
              "VALUES (?, ?, ?, 'UBND TỈNH THỬ', 'S', 'Thử', 'UBND-XX')",
              (code, f"SỞ THỬ {i}", f"Sở Thử {i:02d}"))
    for period in ("2023-Q3", "2022-Q3"):
        for ind in codes:
            n = rng.randint(1, 5000) if ind != "cchc.diem_tu_danh_gia" else rng.randint(60, 100) + rng.choice([0, 0.25, 0.5])
            g.execute("INSERT INTO indicator_value VALUES (?, ?, ?, ?, NULL)", (code, period, ind, n))
g.commit()
check_province(str(gen), "UBND-XX", "2023-Q3", WORK / "tinh25.pdf", "25 generated departments")

# ---- a report type defined only by files under tests/ ----
custom = SRC / "tests/data/report_type"
r = subprocess.run([BAOCAO, "db", "load", DB, str(custom / "data.sql")], capture_output=True, text=True)
check("tests/data/report_type/data.sql loads", r.returncode == 0, r.stderr)
text = render(DB, "STP-TV", "2023-Q3", WORK / "pccc.pdf", "--template", "pccc",
              "--template-dir", str(custom / "templates"))
if text:
    v = Data(DB).values("STP-TV", "2023-Q3")
    has("tests-only report type: its outline, figures and signer", text,
        "BÁO CÁO Kết quả công tác phòng cháy, chữa cháy quý III năm 2023",
        "I. TÌNH HÌNH CHÁY, NỔ", "II. CÔNG TÁC KIỂM TRA AN TOÀN PHÒNG CHÁY",
        f"Kiểm tra {dem(v['pccc.kiem_tra'])} cơ sở, phát hiện {dem(v['pccc.vi_pham'])} cơ sở vi phạm "
        f"(tỷ lệ {rate(v['pccc.vi_pham'], v['pccc.kiem_tra'], 1)})",
        "KT. GIÁM ĐỐC", "Trần Thị Bích")

print(f"{failures} failure(s)" if failures else "all report-type checks pass")
sys.exit(1 if failures else 0)
