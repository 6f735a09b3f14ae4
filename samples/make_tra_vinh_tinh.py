#!/usr/bin/env python3
# samples/make_tra_vinh_tinh.py: writes samples/tra_vinh_tinh.sql, the
# illustrative province sample (UBND tỉnh Trà Vinh and five sở), from a
# fixed seed; the figures are made up, not published data. Run it again
# after changing it: python3 samples/make_tra_vinh_tinh.py
import random
from pathlib import Path

OUT = Path(__file__).with_name("tra_vinh_tinh.sql")
rng = random.Random(20231)

SECTIONS = [
    ("the_che", "Cải cách thể chế", 1),
    ("tthc", "Cải cách thủ tục hành chính", 2),
    ("to_chuc", "Cải cách tổ chức bộ máy hành chính nhà nước", 3),
    ("cong_vu", "Cải cách chế độ công vụ", 4),
    ("tai_chinh", "Cải cách tài chính công", 5),
    ("chinh_quyen_so", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", 6),
    ("danh_gia", "Tự đánh giá Chỉ số cải cách hành chính", 7),
    ("dan_van", "Công tác dân vận chính quyền", 8),
]

# code, section, position, name, unit, kind, (low, high) per quarter, flow
# (flow: a count over the period, scaled by its length; stock: a level)
INDICATORS = [
    ("cchc.vbqppl_ban_hanh", "the_che", 1, "Số văn bản quy phạm pháp luật được tham mưu ban hành", "văn bản", "number", (0, 4), True),
    ("cchc.vbqppl_ra_soat", "the_che", 2, "Số văn bản quy phạm pháp luật được rà soát", "văn bản", "number", (5, 40), True),
    ("cchc.tthc_tiep_nhan", "tthc", 1, "Số hồ sơ thủ tục hành chính tiếp nhận", "hồ sơ", "number", (400, 3500), True),
    ("cchc.tthc_truc_tuyen", "tthc", 2, "Số hồ sơ tiếp nhận trực tuyến", "hồ sơ", "number", None, True),
    ("cchc.tthc_dung_han", "tthc", 3, "Số hồ sơ giải quyết đúng hạn", "hồ sơ", "number", None, True),
    ("cchc.tthc_qua_han", "tthc", 4, "Số hồ sơ giải quyết quá hạn", "hồ sơ", "number", None, True),
    ("cchc.tthc_so_hoa", "tthc", 5, "Số hồ sơ được số hóa kết quả giải quyết", "hồ sơ", "number", None, True),
    ("cchc.phong_chuyen_mon", "to_chuc", 1, "Số phòng chuyên môn", "phòng", "number", (4, 8), False),
    ("cchc.don_vi_su_nghiep", "to_chuc", 2, "Số đơn vị sự nghiệp công lập trực thuộc", "đơn vị", "number", (1, 12), False),
    ("cchc.bien_che", "cong_vu", 1, "Số biên chế công chức được giao", "biên chế", "number", (35, 90), False),
    ("cchc.cong_chuc", "cong_vu", 2, "Số công chức có mặt", "người", "number", None, False),
    ("cchc.boi_duong", "cong_vu", 3, "Số lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng", "lượt người", "number", (5, 60), True),
    ("cchc.du_toan", "tai_chinh", 1, "Dự toán chi ngân sách được giao", "triệu đồng", "number", (9000, 60000), False),
    ("cchc.giai_ngan", "tai_chinh", 2, "Kinh phí đã giải ngân", "triệu đồng", "number", None, True),
    ("cchc.vb_di", "chinh_quyen_so", 1, "Tổng số văn bản đi", "văn bản", "number", (600, 2500), True),
    ("cchc.vb_dien_tu", "chinh_quyen_so", 2, "Số văn bản đi gửi hoàn toàn dưới dạng điện tử", "văn bản", "number", None, True),
    ("cchc.dvc_toan_trinh", "chinh_quyen_so", 3, "Số dịch vụ công trực tuyến toàn trình", "dịch vụ", "number", (5, 60), False),
    ("cchc.diem_tu_danh_gia", "danh_gia", 1, "Điểm tự đánh giá Chỉ số cải cách hành chính", "điểm", "number", (78, 93), False),
    ("dvcq.doi_thoai", "dan_van", 1, "Số cuộc đối thoại với người dân", "cuộc", "number", (1, 4), True),
    ("dvcq.tiep_cong_dan", "dan_van", 2, "Số lượt tiếp công dân", "lượt", "number", (10, 60), True),
    ("dvcq.don_thu", "dan_van", 3, "Số đơn khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận", "đơn", "number", (5, 40), True),
    ("dvcq.don_thu_giai_quyet", "dan_van", 4, "Số đơn đã giải quyết", "đơn", "number", None, True),
    ("dvcq.mo_hinh", "dan_van", 5, "Số mô hình \"Dân vận khéo\" được công nhận", "mô hình", "number", (0, 3), True),
]

# code, kind, year, number, starts, ends, quarters long
PERIODS = [
    ("2021", "year", 2021, None, "2021-01-01", "2021-12-31", 4),
    ("2022-H1", "half", 2022, None, "2022-01-01", "2022-06-30", 2),
    ("2022-Q3", "quarter", 2022, 3, "2022-07-01", "2022-09-30", 1),
    ("2022-9M", "nine_months", 2022, None, "2022-01-01", "2022-09-30", 3),
    ("2022", "year", 2022, None, "2022-01-01", "2022-12-31", 4),
    ("2023-Q2", "quarter", 2023, 2, "2023-04-01", "2023-06-30", 1),
    ("2023-H1", "half", 2023, None, "2023-01-01", "2023-06-30", 2),
    ("2023-Q3", "quarter", 2023, 3, "2023-07-01", "2023-09-30", 1),
    ("2023-9M", "nine_months", 2023, None, "2023-01-01", "2023-09-30", 3),
]

PROVINCE = ("UBND-TV", "ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH", "Ủy ban nhân dân tỉnh Trà Vinh", None, "UBND")
DEPARTMENTS = [
    ("SKHDT-TV", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("SNV-TV", "SỞ NỘI VỤ", "Sở Nội vụ", "SNV"),
    ("STC-TV", "SỞ TÀI CHÍNH", "Sở Tài chính", "STC"),
    ("STP-TV", "SỞ TƯ PHÁP", "Sở Tư pháp", "STP"),
    ("SYT-TV", "SỞ Y TẾ", "Sở Y tế", "SYT"),
]


def q(s):
    if s is None:
        return "NULL"
    if isinstance(s, (int, float)):
        return repr(s)
    return "'" + str(s).replace("'", "''") + "'"


def values_for(rng, quarters):
    v = {}
    for code, _s, _p, _n, _u, _k, rangeq, flow in INDICATORS:
        if rangeq:
            lo, hi = rangeq
            x = rng.randint(lo, hi)
            v[code] = x * quarters if flow else x
    v["cchc.tthc_truc_tuyen"] = round(v["cchc.tthc_tiep_nhan"] * rng.uniform(0.35, 0.8))
    v["cchc.tthc_qua_han"] = rng.randint(0, 6) * quarters
    v["cchc.tthc_dung_han"] = v["cchc.tthc_tiep_nhan"] - v["cchc.tthc_qua_han"] - rng.randint(0, 20)
    v["cchc.tthc_so_hoa"] = round(v["cchc.tthc_dung_han"] * rng.uniform(0.6, 1.0))
    v["cchc.cong_chuc"] = v["cchc.bien_che"] - rng.randint(0, 6)
    v["cchc.giai_ngan"] = round(v["cchc.du_toan"] * quarters / 4 * rng.uniform(0.55, 0.95))
    v["cchc.vb_dien_tu"] = round(v["cchc.vb_di"] * rng.uniform(0.9, 0.99))
    v["dvcq.don_thu_giai_quyet"] = v["dvcq.don_thu"] - rng.randint(0, 3)
    return v


def main():
    out = ["-- samples/tra_vinh_tinh.sql: an illustrative province (UBND tỉnh Trà Vinh",
           "-- and five sở) for the report types cchc_so, cchc_tinh and dan_van.",
           "-- Written by samples/make_tra_vinh_tinh.py; the figures are made up.", ""]
    out.append("INSERT INTO section (code, name, position) VALUES")
    out.append(",\n".join(f"  ({q(c)}, {q(n)}, {p})" for c, n, p in SECTIONS) + ";")
    out.append("")
    out.append("INSERT INTO indicator (code, section, position, name, unit, kind) VALUES")
    out.append(",\n".join(f"  ({q(c)}, {q(s)}, {p}, {q(n)}, {q(u)}, {q(k)})"
                          for c, s, p, n, u, k, _r, _f in INDICATORS) + ";")
    out.append("")
    out.append("-- Periods may be shared with other sample files.")
    for code, kind, year, number, starts, ends, _n in PERIODS:
        out.append(f"INSERT OR IGNORE INTO period (code, kind, year, number, starts, ends) "
                   f"VALUES ({q(code)}, {q(kind)}, {year}, {q(number)}, {q(starts)}, {q(ends)});")
    out.append("")
    code, name, full, parent, symbol = PROVINCE
    out.append("INSERT INTO agency (code, name, full_name, parent_name, symbol, place, parent_code) VALUES")
    rows = [f"  ({q(code)}, {q(name)}, {q(full)}, NULL, {q(symbol)}, 'Trà Vinh', NULL)"]
    rows += [f"  ({q(c)}, {q(n)}, {q(f)}, 'UBND TỈNH TRÀ VINH', {q(s)}, 'Trà Vinh', 'UBND-TV')"
             for c, n, f, s in DEPARTMENTS]
    out.append(",\n".join(rows) + ";")
    out.append("")
    out.append("INSERT INTO indicator_value (agency_code, period_code, indicator_code, num, text) VALUES")
    rows = []
    for c, _n, _f, _s in DEPARTMENTS:
        for p in PERIODS:
            v = values_for(rng, p[6])
            for ind in INDICATORS:
                if ind[0].startswith("dvcq.") and p[1] != "year":
                    continue
                rows.append(f"  ({q(c)}, {q(p[0])}, {q(ind[0])}, {v[ind[0]]}, NULL)")
    out.append(",\n".join(rows) + ";")
    out.append("")
    out.append(Path(__file__).with_name("tra_vinh_tinh_reports.sql.in").read_text().rstrip())
    OUT.write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
