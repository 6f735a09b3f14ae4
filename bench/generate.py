#!/usr/bin/python3
"""bench/generate.py: a synthetic baocao database of any size, for bulk runs
and benchmarks.

Usage: bench/generate.py OUT.db [--provinces 63] [--agencies 150]
                         [--period 2023-Q3] [--seed 1] [--broken 0]
                         [--baocao build/baocao] [--sample samples/baocao.db]

Every agency gets the Trà Vinh sample's report (template cchc_quy, the same
indicators and narratives): indicator values drawn around the sample's
(counts scaled by agency size, percentages kept in 0-100, money in whole
đồng), narratives cut or repeated to realistic lengths (so reports run
from about 6 to 14 pages), its own name, signer and recipients. --broken N
makes N agencies unrenderable in N different ways (a missing indicator
value, invalid UTF-8 in the agency name, no signer), named in stderr, for
the bulk tests. The database is created with `baocao db init`, so its
schema is the program's own.
"""
import argparse
import random
import sqlite3
import subprocess
import sys

PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
    "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
    "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
    "Tiền Giang", "Thành phố Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái"]

DEPARTMENTS = [
    ("Sở Nội vụ", "SNV"), ("Sở Tài chính", "STC"), ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("Sở Tư pháp", "STP"), ("Sở Công Thương", "SCT"), ("Sở Xây dựng", "SXD"),
    ("Sở Giao thông vận tải", "SGTVT"), ("Sở Tài nguyên và Môi trường", "STNMT"),
    ("Sở Thông tin và Truyền thông", "STTTT"), ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"), ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"), ("Sở Y tế", "SYT"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"), ("Thanh tra tỉnh", "TTr"),
    ("Văn phòng UBND tỉnh", "VP"), ("Ban Dân tộc", "BDT"),
    ("Sở Ngoại vụ", "SNgV"), ("Ban Quản lý các khu công nghiệp", "BQLKCN")]

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thành", "Hoài"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương",
         "Khánh", "Lan", "Long", "Mai", "Nam", "Phong", "Phương", "Quang", "Sơn",
         "Tâm", "Thảo", "Thắng", "Trung", "Tuấn", "Việt", "Yến"]


def upper_vi(s):
    return s.upper()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--provinces", type=int, default=63)
    ap.add_argument("--agencies", type=int, default=150, help="per province")
    ap.add_argument("--period", default="2023-Q3")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--broken", type=int, default=0)
    ap.add_argument("--baocao", default="build/baocao")
    ap.add_argument("--sample", default="samples/baocao.db")
    a = ap.parse_args()
    rnd = random.Random(a.seed)

    subprocess.run([a.baocao, "db", "init", a.out], check=True, stdout=subprocess.DEVNULL)
    src = sqlite3.connect(a.sample)
    db = sqlite3.connect(a.out)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("BEGIN")
    # The sample agency's report is the model for everyone's.
    model_agency, model_period = "STTTT-TV", "2023-Q3"
    period = src.execute("SELECT kind, year, number, starts, ends FROM period WHERE code = ?",
                         (model_period,)).fetchone()
    db.execute("INSERT INTO period (code, kind, year, number, starts, ends) "
               "VALUES (?, ?, ?, ?, ?, ?)", (a.period, *period))
    indicators = src.execute("SELECT code, section, position, name, unit, kind FROM indicator "
                             "WHERE code IN (SELECT indicator_code FROM indicator_value "
                             "WHERE agency_code = ?)", (model_agency,)).fetchall()
    db.executemany("INSERT INTO indicator VALUES (?, ?, ?, ?, ?, ?)", indicators)
    values = src.execute("SELECT v.indicator_code, i.kind, v.num, v.text FROM indicator_value v "
                         "JOIN indicator i ON i.code = v.indicator_code "
                         "WHERE agency_code = ? AND period_code = ?",
                         (model_agency, model_period)).fetchall()
    narratives = src.execute("SELECT key, markdown FROM narrative WHERE agency_code = ? "
                             "AND period_code = ?", (model_agency, model_period)).fetchall()

    # The indicator a "missing indicator" agency lacks: one that a narrative
    # cites in its first paragraph, which every agency's report keeps.
    cited = [code for code, _, _, _ in values
             if any("{{" + code in md.split("\n\n")[0] for _, md in narratives)]
    missing = cited[0]

    total = a.provinces * a.agencies
    broken = set(rnd.sample(range(total), min(a.broken, total)))
    signer_id = 0
    n = 0
    for p in range(a.provinces):
        province = PROVINCES[p % len(PROVINCES)]
        for k in range(a.agencies):
            dept, symbol = DEPARTMENTS[k % len(DEPARTMENTS)]
            if k >= len(DEPARTMENTS):  # beyond the departments: districts and communes
                dept, symbol = f"UBND huyện số {k - len(DEPARTMENTS) + 1}", "UBND"
            code = f"P{p + 1:02d}-A{k + 1:03d}"
            full = dept
            name = upper_vi(dept)
            parent = "UBND TỈNH " + upper_vi(province) if not dept.startswith("UBND") else \
                "UBND TỈNH " + upper_vi(province)
            size = rnd.uniform(0.3, 3.0)      # how large the agency is
            length = rnd.uniform(0.5, 1.3)    # how much staff write
            how = None
            if n in broken:
                how = ["missing indicator", "invalid UTF-8", "no signer"][len([b for b in broken if b < n]) % 3]
                print(f"broken: {code}: {how}", file=sys.stderr)
            db.execute("INSERT INTO agency (code, name, full_name, parent_name, symbol, place) VALUES (?, ?, ?, ?, ?, ?)",
                       (code, name, full, parent, symbol, province))
            if how == "invalid UTF-8":
                db.execute("UPDATE agency SET name = CAST(X'53E1BB9FC328' AS TEXT) WHERE code = ?", (code,))
            signer_id += 1
            db.execute("INSERT INTO signer VALUES (?, ?, ?, ?, ?)",
                       (signer_id, code, "KT. GIÁM ĐỐC" if "Sở" in dept else "KT. CHỦ TỊCH",
                        "PHÓ GIÁM ĐỐC" if "Sở" in dept else "PHÓ CHỦ TỊCH",
                        f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"))
            db.execute("INSERT INTO report VALUES (?, ?, 'cchc_quy', NULL, ?, ?, 'VP')",
                       (code, a.period, f"{period[1]}-{period[4][5:7]}",
                        None if how == "no signer" else signer_id))
            for pos, r in enumerate(["Sở Nội vụ (b/c)", "Ban Giám đốc", "Các phòng, đơn vị"], 1):
                db.execute("INSERT INTO recipient VALUES (?, 'cchc_quy', ?, ?)", (code, pos, r))
            rows = []
            for ind, kind, num, text in values:
                if how == "missing indicator" and ind == missing:
                    continue
                if kind == "percent":
                    num = round(min(100.0, max(0.0, num * rnd.uniform(0.8, 1.2))), 2)
                elif kind == "number":
                    num = float(max(0, round(num * size * rnd.uniform(0.7, 1.3))))
                rows.append((code, a.period, ind, num, text))
            db.executemany("INSERT INTO indicator_value VALUES (?, ?, ?, ?, ?)", rows)
            nrows = []
            for key, md in narratives:
                paras = md.split("\n\n")
                want = max(1, round(len(paras) * length))
                body = "\n\n".join((paras * 3)[:want])
                nrows.append((code, a.period, key, body))
            db.executemany("INSERT INTO narrative VALUES (?, ?, ?, ?)", nrows)
            n += 1
    db.commit()
    print(f"{a.out}: {n} agencies in {a.provinces} provinces, period {a.period}, "
          f"{len(broken)} broken", file=sys.stderr)


if __name__ == "__main__":
    main()
