-- samples/tra_vinh_2023_q3.sql: Sở Thông tin và Truyền thông tỉnh Trà Vinh,
-- báo cáo công tác cải cách hành chính quý III năm 2023 (template cchc_quy).
-- Load after data/schema.sql, inside one transaction:
--   sqlite3 baocao.db < src/data/schema.sql
--   sqlite3 baocao.db < samples/tra_vinh_2023_q3.sql
-- Every figure of the report is an indicator value below; the narratives
-- quote them by placeholder ({{code}}, {{code | so}}, ...). See samples/README.md.

-- ---------------------------------------------------------------------------
-- Agency, signer, period, report, recipients
-- ---------------------------------------------------------------------------

INSERT INTO agency (code, name, full_name, parent_name, symbol, place) VALUES
  ('STTTT-TV', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Sở Thông tin và Truyền thông',
   'UBND TỈNH TRÀ VINH', 'STTTT', 'Trà Vinh');

INSERT INTO signer (id, agency_code, authority, title, full_name) VALUES
  (1, 'STTTT-TV', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Bùi Thông Nhứt');

INSERT INTO period (code, kind, year, number, starts, ends) VALUES
  ('2023-Q3', 'quarter', 2023, 3, '2023-07-01', '2023-09-30');

-- Number not assigned yet and day not set: "Số:   /BC-STTTT",
-- "Trà Vinh, ngày   tháng 9 năm 2023".
INSERT INTO report (agency_code, period_code, template, number, issued_on,
                    signer_id, archive_unit) VALUES
  ('STTTT-TV', '2023-Q3', 'cchc_quy', NULL, '2023-09', 1, 'VP');

INSERT INTO recipient (agency_code, template, position, text) VALUES
  ('STTTT-TV', 'cchc_quy', 1, 'Sở Nội vụ (b/c)'),
  ('STTTT-TV', 'cchc_quy', 2, 'Ban Giám đốc Sở'),
  ('STTTT-TV', 'cchc_quy', 3, 'LĐ các phòng, TT trực thuộc Sở'),
  ('STTTT-TV', 'cchc_quy', 4, 'Trang TTĐT STTTT');

-- ---------------------------------------------------------------------------
-- Indicators (chỉ tiêu): reusable by any agency, named by what they measure
-- ---------------------------------------------------------------------------

INSERT INTO indicator (code, section, position, name, unit, kind) VALUES
  -- I. Công tác chỉ đạo, điều hành
  ('chi_dao.tin_cchc_dang_tai', 'chi_dao', 1,
   'Số tin về cải cách hành chính đăng trên trang thông tin điện tử của cơ quan trong kỳ', 'tin', 'number'),
  ('chi_dao.van_ban_cchc_dang_tai', 'chi_dao', 2,
   'Số văn bản về cải cách hành chính đăng trên trang thông tin điện tử của cơ quan trong kỳ', 'văn bản', 'number'),

  -- II.1 Cải cách thể chế
  ('the_che.van_ban_dinh_huong_tuyen_truyen', 'the_che', 1,
   'Số văn bản chỉ đạo, định hướng tuyên truyền, phổ biến pháp luật đã ban hành', 'văn bản', 'number'),
  ('the_che.vbqppl_con_hieu_luc', 'the_che', 2,
   'Số văn bản quy phạm pháp luật của HĐND, UBND tỉnh thuộc phạm vi quản lý còn hiệu lực (qua rà soát, hệ thống hóa)', 'văn bản', 'number'),

  -- II.2 Cải cách thủ tục hành chính
  ('tthc.so_hoa', 'tthc', 1,
   'Số hồ sơ TTHC được số hóa trong kỳ', 'hồ sơ', 'number'),
  ('tthc.ty_le_ky_so_toan_trinh', 'tthc', 2,
   'Tỷ lệ hồ sơ trực tuyến toàn trình được ký số, xử lý hoàn toàn trên hệ thống dịch vụ công', '%', 'percent'),
  ('tthc.giai_quyet_truc_tuyen', 'tthc', 3,
   'Số hồ sơ TTHC trực tuyến đã giải quyết trong kỳ', 'hồ sơ', 'number'),
  ('tthc.tra_truoc_han', 'tthc', 4,
   'Số hồ sơ TTHC trả kết quả trước hạn trong kỳ', 'hồ sơ', 'number'),

  -- II.3 Cải cách tổ chức bộ máy
  ('to_chuc.phong_chuyen_mon', 'to_chuc', 1,
   'Số phòng chuyên môn thuộc cơ quan', 'phòng', 'number'),
  ('to_chuc.don_vi_su_nghiep', 'to_chuc', 2,
   'Số đơn vị sự nghiệp công lập trực thuộc cơ quan', 'đơn vị', 'number'),
  ('to_chuc.bien_che_cong_chuc_giao', 'to_chuc', 3,
   'Số biên chế công chức được giao trong năm', 'biên chế', 'number'),
  ('to_chuc.hop_dong_111_co_quan_giao', 'to_chuc', 4,
   'Số hợp đồng lao động theo Nghị định 111/2022/NĐ-CP được giao cho cơ quan trong năm', 'hợp đồng', 'number'),
  ('to_chuc.bien_che_cong_chuc_co_mat', 'to_chuc', 5,
   'Số biên chế công chức có mặt', 'biên chế', 'number'),
  ('to_chuc.hop_dong_111_co_quan_co_mat', 'to_chuc', 6,
   'Số hợp đồng lao động theo Nghị định 111/2022/NĐ-CP có mặt tại cơ quan', 'hợp đồng', 'number'),
  ('to_chuc.bien_che_vien_chuc_giao', 'to_chuc', 7,
   'Số biên chế viên chức được giao cho đơn vị sự nghiệp công lập trực thuộc trong năm', 'biên chế', 'number'),
  ('to_chuc.hop_dong_111_don_vi_giao', 'to_chuc', 8,
   'Số hợp đồng lao động theo Nghị định 111/2022/NĐ-CP được giao cho đơn vị sự nghiệp công lập trực thuộc', 'hợp đồng', 'number'),
  ('to_chuc.bien_che_vien_chuc_thoi_diem', 'to_chuc', 9,
   'Thời điểm (tháng/năm) của số liệu biên chế viên chức có mặt', '', 'text'),
  ('to_chuc.bien_che_vien_chuc_co_mat', 'to_chuc', 10,
   'Số biên chế viên chức có mặt tại đơn vị sự nghiệp công lập trực thuộc', 'biên chế', 'number'),
  ('to_chuc.hop_dong_111_don_vi_co_mat', 'to_chuc', 11,
   'Số hợp đồng lao động theo Nghị định 111/2022/NĐ-CP có mặt tại đơn vị sự nghiệp công lập trực thuộc', 'hợp đồng', 'number'),

  -- II.4 Cải cách chế độ công vụ
  ('cong_vu.bo_nhiem_lai', 'cong_vu', 1,
   'Số công chức, viên chức được lập quy trình bổ nhiệm lại trong kỳ', 'người', 'number'),
  ('cong_vu.hoc_trung_cap_chinh_tri', 'cong_vu', 2,
   'Số công chức, viên chức được cử học trung cấp lý luận chính trị', 'người', 'number'),
  ('cong_vu.boi_duong_quoc_phong_an_ninh', 'cong_vu', 3,
   'Số công chức được cử bồi dưỡng kiến thức quốc phòng - an ninh', 'người', 'number'),

  -- II.5 Cải cách tài chính công
  ('tai_chinh.dau_tu_cong_so_du_an', 'tai_chinh', 1,
   'Số dự án đầu tư công được phân bổ vốn trong năm', 'dự án', 'number'),
  ('tai_chinh.dau_tu_cong_von_duoc_cap', 'tai_chinh', 2,
   'Tổng vốn đầu tư công được cấp trong năm', 'tỷ đồng', 'number'),
  ('tai_chinh.dau_tu_cong_thoi_diem', 'tai_chinh', 3,
   'Thời điểm của số liệu giải ngân vốn đầu tư công', '', 'date'),
  ('tai_chinh.dau_tu_cong_da_giai_ngan', 'tai_chinh', 4,
   'Vốn đầu tư công đã giải ngân', 'tỷ đồng', 'number'),
  ('tai_chinh.dau_tu_cong_ty_le_giai_ngan', 'tai_chinh', 5,
   'Tỷ lệ giải ngân so với kế hoạch vốn đầu tư công được giao trong năm', '%', 'percent'),
  ('tai_chinh.ctmtqg_kinh_phi', 'tai_chinh', 6,
   'Tổng kinh phí được cấp thực hiện các Chương trình mục tiêu quốc gia trong năm', 'tỷ đồng', 'number'),
  ('tai_chinh.ctmtqg_so_chuong_trinh', 'tai_chinh', 7,
   'Số Chương trình mục tiêu quốc gia được giao thực hiện', 'chương trình', 'number'),
  ('tai_chinh.ctmtqg_nong_thon_moi_kinh_phi', 'tai_chinh', 8,
   'Kinh phí được cấp thực hiện CTMTQG xây dựng nông thôn mới', 'tỷ đồng', 'number'),
  ('tai_chinh.ctmtqg_dtts_kinh_phi', 'tai_chinh', 9,
   'Kinh phí được cấp thực hiện CTMTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi', 'tỷ đồng', 'number'),
  ('tai_chinh.ctmtqg_dtts_von_dau_tu_phat_trien', 'tai_chinh', 10,
   'Kinh phí thực hiện từ vốn đầu tư phát triển, CTMTQG vùng đồng bào dân tộc thiểu số và miền núi', 'triệu đồng', 'number'),
  ('tai_chinh.ctmtqg_giam_ngheo_kinh_phi', 'tai_chinh', 11,
   'Kinh phí được cấp thực hiện CTMTQG giảm nghèo bền vững', 'tỷ đồng', 'number'),
  ('tai_chinh.ctmtqg_giam_ngheo_thong_tin_du_toan', 'tai_chinh', 12,
   'Tổng dự toán Tiểu dự án Giảm nghèo về thông tin (CTMTQG giảm nghèo bền vững)', 'tỷ đồng', 'number'),
  ('tai_chinh.ctmtqg_giam_ngheo_thong_tin_so_xa', 'tai_chinh', 13,
   'Số xã được chuyển đổi truyền thanh ứng dụng công nghệ thông tin - viễn thông (Giảm nghèo về thông tin)', 'xã', 'number'),
  ('tai_chinh.tu_chu_giao_luong_nsnn', 'tai_chinh', 14,
   'Biên chế được giao của đơn vị sự nghiệp hưởng lương từ NSNN cấp', 'người', 'number'),
  ('tai_chinh.tu_chu_giao_luong_nguon_thu', 'tai_chinh', 15,
   'Biên chế được giao của đơn vị sự nghiệp hưởng lương từ nguồn thu sự nghiệp', 'người', 'number'),
  ('tai_chinh.tu_chu_thoi_diem', 'tai_chinh', 16,
   'Thời điểm của số liệu thực hiện tự chủ tài chính tại đơn vị sự nghiệp', '', 'date'),
  ('tai_chinh.tu_chu_bien_che_co_mat', 'tai_chinh', 17,
   'Biên chế có mặt của đơn vị sự nghiệp', 'người', 'number'),
  ('tai_chinh.tu_chu_co_mat_luong_nsnn', 'tai_chinh', 18,
   'Biên chế có mặt của đơn vị sự nghiệp hưởng lương từ NSNN cấp', 'người', 'number'),
  ('tai_chinh.tu_chu_co_mat_luong_nguon_thu', 'tai_chinh', 19,
   'Biên chế có mặt của đơn vị sự nghiệp hưởng lương từ nguồn thu sự nghiệp', 'người', 'number'),
  ('tai_chinh.tu_chu_hop_dong_111_co_mat', 'tai_chinh', 20,
   'Hợp đồng lao động theo Nghị định 111/2022/NĐ-CP có mặt tại đơn vị sự nghiệp', 'người', 'number'),
  ('tai_chinh.du_toan_tu_chu', 'tai_chinh', 21,
   'Dự toán kinh phí NSNN tự chủ giao trong năm', 'đồng', 'number'),
  ('tai_chinh.du_toan_tu_chu_da_su_dung', 'tai_chinh', 22,
   'Dự toán kinh phí NSNN tự chủ đã sử dụng', 'đồng', 'number'),
  ('tai_chinh.du_toan_khong_tu_chu', 'tai_chinh', 23,
   'Dự toán kinh phí NSNN không tự chủ giao trong năm', 'đồng', 'number'),
  ('tai_chinh.du_toan_khong_tu_chu_da_su_dung', 'tai_chinh', 24,
   'Dự toán kinh phí NSNN không tự chủ đã sử dụng', 'đồng', 'number'),
  ('tai_chinh.du_toan_thu_su_nghiep', 'tai_chinh', 25,
   'Dự toán thu hoạt động sự nghiệp giao đầu năm', 'đồng', 'number'),
  ('tai_chinh.thu_su_nghiep_da_thu', 'tai_chinh', 26,
   'Số đã thu từ hoạt động sự nghiệp', 'đồng', 'number'),

  -- II.6 Chính quyền điện tử, chính quyền số
  ('cqs.tslcd_co_quan', 'chinh_quyen_so', 1,
   'Số cơ quan, đơn vị có mạng LAN kết nối mạng truyền số liệu chuyên dùng', 'cơ quan', 'number'),
  ('cqs.tslcd_co_quan_dang', 'chinh_quyen_so', 2,
   'Số cơ quan đảng kết nối mạng truyền số liệu chuyên dùng', 'cơ quan', 'number'),
  ('cqs.tslcd_co_quan_nha_nuoc', 'chinh_quyen_so', 3,
   'Số cơ quan nhà nước kết nối mạng truyền số liệu chuyên dùng', 'cơ quan', 'number'),
  ('cqs.ty_le_ccvc_co_may_tinh', 'chinh_quyen_so', 4,
   'Tỷ lệ công chức, viên chức trong cơ quan nhà nước được trang bị máy vi tính', '%', 'percent'),
  ('cqs.httt_tap_trung', 'chinh_quyen_so', 5,
   'Số hệ thống thông tin, cơ sở dữ liệu đặt tại hạ tầng kỹ thuật tập trung của tỉnh', 'hệ thống', 'number'),
  ('cqs.httt_tap_trung_dang', 'chinh_quyen_so', 6,
   'Số hệ thống thông tin, cơ sở dữ liệu thuộc hệ Đảng đặt tại hạ tầng tập trung', 'hệ thống', 'number'),
  ('cqs.httt_tap_trung_nha_nuoc', 'chinh_quyen_so', 7,
   'Số hệ thống thông tin, cơ sở dữ liệu của cơ quan nhà nước đặt tại hạ tầng tập trung', 'hệ thống', 'number'),
  ('cqs.canh_bao_lo_hong', 'chinh_quyen_so', 8,
   'Số cảnh báo về lỗ hổng của các ứng dụng đã tiếp nhận', 'cảnh báo', 'number'),
  ('cqs.lgsp_he_thong_ket_noi', 'chinh_quyen_so', 9,
   'Số hệ thống đã kết nối với Cổng dịch vụ công của tỉnh qua nền tảng LGSP', 'hệ thống', 'number'),
  ('cqs.ioffice_co_quan', 'chinh_quyen_so', 10,
   'Số cơ quan áp dụng Hệ thống quản lý văn bản và điều hành', 'cơ quan', 'number'),
  ('cqs.ioffice_co_quan_cap_tinh', 'chinh_quyen_so', 11,
   'Số cơ quan cấp tỉnh áp dụng Hệ thống quản lý văn bản và điều hành', 'cơ quan', 'number'),
  ('cqs.ioffice_co_quan_cap_huyen', 'chinh_quyen_so', 12,
   'Số cơ quan cấp huyện áp dụng Hệ thống quản lý văn bản và điều hành', 'cơ quan', 'number'),
  ('cqs.ioffice_co_quan_cap_xa', 'chinh_quyen_so', 13,
   'Số cơ quan cấp xã áp dụng Hệ thống quản lý văn bản và điều hành', 'cơ quan', 'number'),
  ('cqs.ioffice_nguoi_dung', 'chinh_quyen_so', 14,
   'Số người dùng Hệ thống quản lý văn bản và điều hành', 'người dùng', 'number'),
  ('cqs.ioffice_ty_le_ky_so', 'chinh_quyen_so', 15,
   'Tỷ lệ văn bản điện tử được ký số', '%', 'percent'),
  ('cqs.chung_thu_so', 'chinh_quyen_so', 16,
   'Tổng số chứng thư số chuyên dùng đang hoạt động', 'chứng thư số', 'number'),
  ('cqs.chung_thu_so_to_chuc', 'chinh_quyen_so', 17,
   'Số chứng thư số chuyên dùng của tổ chức đang hoạt động', 'chứng thư số', 'number'),
  ('cqs.chung_thu_so_ca_nhan', 'chinh_quyen_so', 18,
   'Số chứng thư số chuyên dùng của cá nhân đang hoạt động', 'chứng thư số', 'number'),
  ('cqs.chung_thu_so_usb', 'chinh_quyen_so', 19,
   'Số chứng thư số cá nhân trên thiết bị USB token', 'chứng thư số', 'number'),
  ('cqs.chung_thu_so_sim', 'chinh_quyen_so', 20,
   'Số chứng thư số cá nhân trên SIM PKI', 'chứng thư số', 'number'),
  ('cqs.hop_thu_cong_vu', 'chinh_quyen_so', 21,
   'Tổng số hộp thư điện tử công vụ đã cấp cho cán bộ, công chức, viên chức', 'hộp thư', 'number'),
  ('cqs.mot_cua_co_quan_cap_tinh', 'chinh_quyen_so', 22,
   'Số cơ quan cấp tỉnh triển khai Hệ thống Một cửa điện tử và Dịch vụ công trực tuyến', 'cơ quan', 'number'),
  ('cqs.mot_cua_co_quan_cap_huyen', 'chinh_quyen_so', 23,
   'Số cơ quan cấp huyện triển khai Hệ thống Một cửa điện tử và Dịch vụ công trực tuyến', 'cơ quan', 'number'),
  ('cqs.mot_cua_co_quan_cap_xa', 'chinh_quyen_so', 24,
   'Số cơ quan cấp xã triển khai Hệ thống Một cửa điện tử và Dịch vụ công trực tuyến', 'cơ quan', 'number'),
  ('cqs.mot_cua_tthc', 'chinh_quyen_so', 25,
   'Tổng số thủ tục hành chính cập nhật trên Hệ thống Một cửa điện tử', 'thủ tục', 'number'),
  ('cqs.ho_so_tiep_nhan', 'chinh_quyen_so', 26,
   'Số hồ sơ TTHC tiếp nhận trên Hệ thống Một cửa điện tử và Dịch vụ công trong kỳ', 'hồ sơ', 'number'),
  ('cqs.ho_so_truc_tiep', 'chinh_quyen_so', 27,
   'Số hồ sơ TTHC tiếp nhận trực tiếp trong kỳ', 'hồ sơ', 'number'),
  ('cqs.ho_so_truc_tuyen', 'chinh_quyen_so', 28,
   'Số hồ sơ TTHC tiếp nhận trực tuyến trong kỳ', 'hồ sơ', 'number'),
  ('cqs.mot_cua_ty_le_truc_tuyen', 'chinh_quyen_so', 29,
   'Tỷ lệ hồ sơ trực tuyến theo Hệ thống Một cửa điện tử', '%', 'percent'),
  ('cqs.ho_so_da_giai_quyet', 'chinh_quyen_so', 30,
   'Số hồ sơ TTHC đã giải quyết trong kỳ', 'hồ sơ', 'number'),
  ('cqs.iso_co_quan_cap_tinh', 'chinh_quyen_so', 31,
   'Số cơ quan cấp tỉnh áp dụng phần mềm ISO điện tử', 'cơ quan', 'number'),
  ('cqs.iso_ubnd_cap_huyen', 'chinh_quyen_so', 32,
   'Số UBND cấp huyện áp dụng phần mềm ISO điện tử', 'cơ quan', 'number'),
  ('cqs.iso_cap_xa', 'chinh_quyen_so', 33,
   'Số xã, phường, thị trấn áp dụng phần mềm ISO điện tử', 'cơ quan', 'number'),
  ('cqs.hntt_diem_cau_tinh_huyen', 'chinh_quyen_so', 34,
   'Số điểm cầu hội nghị truyền hình cấp tỉnh và cấp huyện', 'điểm cầu', 'number'),
  ('cqs.hntt_diem_cau_cap_huyen', 'chinh_quyen_so', 35,
   'Số điểm cầu hội nghị truyền hình tại UBND cấp huyện', 'điểm cầu', 'number'),
  ('cqs.hntt_diem_cau_cap_xa', 'chinh_quyen_so', 36,
   'Số điểm cầu hội nghị truyền hình tại UBND cấp xã', 'điểm cầu', 'number'),
  ('cqs.cong_ttdt_cong_chinh', 'chinh_quyen_so', 37,
   'Số cổng chính của Cổng thông tin điện tử tỉnh', 'cổng', 'number'),
  ('cqs.cong_ttdt_ngon_ngu', 'chinh_quyen_so', 38,
   'Số ngôn ngữ của Cổng thông tin điện tử tỉnh', 'ngôn ngữ', 'number'),
  ('cqs.cong_ttdt_thanh_phan', 'chinh_quyen_so', 39,
   'Số cổng thông tin thành phần', 'cổng', 'number'),
  ('cqs.dvc_cung_cap', 'chinh_quyen_so', 40,
   'Số dịch vụ công cung cấp trên Cổng dịch vụ công của tỉnh', 'dịch vụ', 'number'),
  ('cqs.dvc_muc_3', 'chinh_quyen_so', 41,
   'Số dịch vụ công trực tuyến mức độ 3 (một phần)', 'dịch vụ', 'number'),
  ('cqs.dvc_muc_3_ty_le', 'chinh_quyen_so', 42,
   'Tỷ lệ dịch vụ công trực tuyến mức độ 3 (một phần) trên tổng số dịch vụ công', '%', 'percent'),
  ('cqs.dvc_muc_4', 'chinh_quyen_so', 43,
   'Số dịch vụ công trực tuyến mức độ 4 (toàn trình)', 'dịch vụ', 'number'),
  ('cqs.dvc_muc_4_ty_le', 'chinh_quyen_so', 44,
   'Tỷ lệ dịch vụ công trực tuyến mức độ 4 (toàn trình) trên tổng số dịch vụ công', '%', 'percent'),
  ('cqs.dvc_ty_le_ho_so_truc_tuyen', 'chinh_quyen_so', 45,
   'Tỷ lệ hồ sơ tiếp nhận trực tuyến trên Cổng dịch vụ công của tỉnh', '%', 'percent'),
  ('cqs.dvc_mot_phan_ho_so', 'chinh_quyen_so', 46,
   'Số hồ sơ tiếp nhận của dịch vụ công trực tuyến một phần', 'hồ sơ', 'number'),
  ('cqs.dvc_mot_phan_truc_tiep', 'chinh_quyen_so', 47,
   'Số hồ sơ dịch vụ công một phần tiếp nhận trực tiếp', 'hồ sơ', 'number'),
  ('cqs.dvc_mot_phan_truc_tuyen', 'chinh_quyen_so', 48,
   'Số hồ sơ dịch vụ công một phần tiếp nhận trực tuyến', 'hồ sơ', 'number'),
  ('cqs.dvc_mot_phan_ty_le_truc_tuyen', 'chinh_quyen_so', 49,
   'Tỷ lệ hồ sơ trực tuyến của dịch vụ công một phần', '%', 'percent'),
  ('cqs.dvc_toan_trinh_ho_so', 'chinh_quyen_so', 50,
   'Số hồ sơ tiếp nhận của dịch vụ công trực tuyến toàn trình', 'hồ sơ', 'number'),
  ('cqs.dvc_toan_trinh_truc_tiep', 'chinh_quyen_so', 51,
   'Số hồ sơ dịch vụ công toàn trình tiếp nhận trực tiếp', 'hồ sơ', 'number'),
  ('cqs.dvc_toan_trinh_truc_tuyen', 'chinh_quyen_so', 52,
   'Số hồ sơ dịch vụ công toàn trình tiếp nhận trực tuyến', 'hồ sơ', 'number'),
  ('cqs.dvc_toan_trinh_ty_le_truc_tuyen', 'chinh_quyen_so', 53,
   'Tỷ lệ hồ sơ trực tuyến của dịch vụ công toàn trình', '%', 'percent'),
  ('cqs.tthc_cong_khai_quoc_gia', 'chinh_quyen_so', 54,
   'Số thủ tục hành chính của tỉnh được công khai trên Cổng dịch vụ công quốc gia', 'thủ tục', 'number'),
  ('cqs.dvc_tich_hop_quoc_gia', 'chinh_quyen_so', 55,
   'Số dịch vụ công trực tuyến tích hợp lên Cổng dịch vụ công quốc gia', 'dịch vụ', 'number'),
  ('cqs.cong_dn_doanh_nghiep', 'chinh_quyen_so', 56,
   'Số doanh nghiệp có thông tin trên Cổng thông tin doanh nghiệp của tỉnh', 'doanh nghiệp', 'number'),
  ('cqs.cong_dn_ho_kinh_doanh', 'chinh_quyen_so', 57,
   'Số hộ kinh doanh có thông tin trên Cổng thông tin doanh nghiệp của tỉnh', 'hộ kinh doanh', 'number'),
  ('cqs.cong_dn_hop_tac_xa', 'chinh_quyen_so', 58,
   'Số hợp tác xã có thông tin trên Cổng thông tin doanh nghiệp của tỉnh', 'hợp tác xã', 'number'),
  ('cqs.san_tmdt_doanh_nghiep', 'chinh_quyen_so', 59,
   'Số doanh nghiệp tham gia sàn thương mại điện tử của tỉnh', 'doanh nghiệp', 'number'),
  ('cqs.san_tmdt_san_pham', 'chinh_quyen_so', 60,
   'Số sản phẩm trên sàn thương mại điện tử của tỉnh', 'sản phẩm', 'number'),
  ('cqs.pbgdpl_van_ban', 'chinh_quyen_so', 61,
   'Số văn bản đã phổ biến trên trang thông tin điện tử phổ biến, giáo dục pháp luật từ đầu năm', 'văn bản', 'number');

-- ---------------------------------------------------------------------------
-- Indicator values (số liệu) for STTTT-TV, 2023-Q3
-- ---------------------------------------------------------------------------

INSERT INTO indicator_value (agency_code, period_code, indicator_code, num, text) VALUES
  ('STTTT-TV', '2023-Q3', 'chi_dao.tin_cchc_dang_tai', 1, NULL),
  ('STTTT-TV', '2023-Q3', 'chi_dao.van_ban_cchc_dang_tai', 7, NULL),

  ('STTTT-TV', '2023-Q3', 'the_che.van_ban_dinh_huong_tuyen_truyen', 75, NULL),
  ('STTTT-TV', '2023-Q3', 'the_che.vbqppl_con_hieu_luc', 11, NULL),

  ('STTTT-TV', '2023-Q3', 'tthc.so_hoa', 60, NULL),
  ('STTTT-TV', '2023-Q3', 'tthc.ty_le_ky_so_toan_trinh', 100, NULL),
  ('STTTT-TV', '2023-Q3', 'tthc.giai_quyet_truc_tuyen', 60, NULL),
  ('STTTT-TV', '2023-Q3', 'tthc.tra_truoc_han', 60, NULL),

  ('STTTT-TV', '2023-Q3', 'to_chuc.phong_chuyen_mon', 4, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.don_vi_su_nghiep', 1, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.bien_che_cong_chuc_giao', 28, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.hop_dong_111_co_quan_giao', 3, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.bien_che_cong_chuc_co_mat', 28, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.hop_dong_111_co_quan_co_mat', 3, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.bien_che_vien_chuc_giao', 24, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.hop_dong_111_don_vi_giao', 2, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.bien_che_vien_chuc_thoi_diem', NULL, '6/2023'),
  ('STTTT-TV', '2023-Q3', 'to_chuc.bien_che_vien_chuc_co_mat', 22, NULL),
  ('STTTT-TV', '2023-Q3', 'to_chuc.hop_dong_111_don_vi_co_mat', 2, NULL),

  ('STTTT-TV', '2023-Q3', 'cong_vu.bo_nhiem_lai', 3, NULL),
  ('STTTT-TV', '2023-Q3', 'cong_vu.hoc_trung_cap_chinh_tri', 4, NULL),
  ('STTTT-TV', '2023-Q3', 'cong_vu.boi_duong_quoc_phong_an_ninh', 2, NULL),

  ('STTTT-TV', '2023-Q3', 'tai_chinh.dau_tu_cong_so_du_an', 2, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.dau_tu_cong_von_duoc_cap', 44.778, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.dau_tu_cong_thoi_diem', NULL, '2023-08-30'),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.dau_tu_cong_da_giai_ngan', 44.778, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.dau_tu_cong_ty_le_giai_ngan', 100, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.ctmtqg_kinh_phi', 10.034, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.ctmtqg_so_chuong_trinh', 3, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.ctmtqg_nong_thon_moi_kinh_phi', 0.4, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.ctmtqg_dtts_kinh_phi', 4.234, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.ctmtqg_dtts_von_dau_tu_phat_trien', 3514, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.ctmtqg_giam_ngheo_kinh_phi', 5.4, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.ctmtqg_giam_ngheo_thong_tin_du_toan', 4.509, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.ctmtqg_giam_ngheo_thong_tin_so_xa', 6, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.tu_chu_giao_luong_nsnn', 22, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.tu_chu_giao_luong_nguon_thu', 2, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.tu_chu_thoi_diem', NULL, '2023-08-31'),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.tu_chu_bien_che_co_mat', 22, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.tu_chu_co_mat_luong_nsnn', 22, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.tu_chu_co_mat_luong_nguon_thu', 0, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.tu_chu_hop_dong_111_co_mat', 2, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.du_toan_tu_chu', 2132000000, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.du_toan_tu_chu_da_su_dung', 1304669823, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.du_toan_khong_tu_chu', 9146000000, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.du_toan_khong_tu_chu_da_su_dung', 723597332, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.du_toan_thu_su_nghiep', 450000000, NULL),
  ('STTTT-TV', '2023-Q3', 'tai_chinh.thu_su_nghiep_da_thu', 1041145144, NULL),

  ('STTTT-TV', '2023-Q3', 'cqs.tslcd_co_quan', 150, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.tslcd_co_quan_dang', 16, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.tslcd_co_quan_nha_nuoc', 134, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ty_le_ccvc_co_may_tinh', 90, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.httt_tap_trung', 16, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.httt_tap_trung_dang', 3, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.httt_tap_trung_nha_nuoc', 13, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.canh_bao_lo_hong', 20, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.lgsp_he_thong_ket_noi', 14, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ioffice_co_quan', 577, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ioffice_co_quan_cap_tinh', 139, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ioffice_co_quan_cap_huyen', 332, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ioffice_co_quan_cap_xa', 106, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ioffice_nguoi_dung', 7685, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ioffice_ty_le_ky_so', 91.08, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.chung_thu_so', 3916, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.chung_thu_so_to_chuc', 641, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.chung_thu_so_ca_nhan', 3275, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.chung_thu_so_usb', 3201, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.chung_thu_so_sim', 74, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.hop_thu_cong_vu', 9796, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.mot_cua_co_quan_cap_tinh', 18, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.mot_cua_co_quan_cap_huyen', 9, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.mot_cua_co_quan_cap_xa', 106, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.mot_cua_tthc', 1858, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ho_so_tiep_nhan', 94746, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ho_so_truc_tiep', 57620, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ho_so_truc_tuyen', 37126, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.mot_cua_ty_le_truc_tuyen', 31.3, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.ho_so_da_giai_quyet', 93654, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.iso_co_quan_cap_tinh', 18, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.iso_ubnd_cap_huyen', 9, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.iso_cap_xa', 106, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.hntt_diem_cau_tinh_huyen', 14, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.hntt_diem_cau_cap_huyen', 9, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.hntt_diem_cau_cap_xa', 106, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.cong_ttdt_cong_chinh', 1, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.cong_ttdt_ngon_ngu', 3, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.cong_ttdt_thanh_phan', 40, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_cung_cap', 1858, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_muc_3', 571, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_muc_3_ty_le', 30.73, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_muc_4', 1057, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_muc_4_ty_le', 56.89, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_ty_le_ho_so_truc_tuyen', 39.18, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_mot_phan_ho_so', 75765, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_mot_phan_truc_tiep', 53093, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_mot_phan_truc_tuyen', 22672, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_mot_phan_ty_le_truc_tuyen', 30, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_toan_trinh_ho_so', 18512, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_toan_trinh_truc_tiep', 4058, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_toan_trinh_truc_tuyen', 14454, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_toan_trinh_ty_le_truc_tuyen', 78.08, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.tthc_cong_khai_quoc_gia', 1820, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.dvc_tich_hop_quoc_gia', 959, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.cong_dn_doanh_nghiep', 3560, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.cong_dn_ho_kinh_doanh', 22313, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.cong_dn_hop_tac_xa', 91, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.san_tmdt_doanh_nghiep', 125, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.san_tmdt_san_pham', 638, NULL),
  ('STTTT-TV', '2023-Q3', 'cqs.pbgdpl_van_ban', 98, NULL);

-- ---------------------------------------------------------------------------
-- Narratives: the agency's own prose, Markdown; every figure is a placeholder.
-- A narrative placed after a label in the template continues that label's
-- paragraph ("- Label: <narrative>").
-- ---------------------------------------------------------------------------

-- I. Công tác chỉ đạo, điều hành -------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TV', '2023-Q3', 'chi_dao_van_ban',
'- Tham mưu UBND tỉnh ban hành Kế hoạch số 68/KH-UBND ngày 26/7/2023 của UBND tỉnh về Hành động nâng cao chất lượng và hiệu quả cung cấp dịch vụ công trực tuyến Trà Vinh năm 2023.'),

('STTTT-TV', '2023-Q3', 'chi_dao_danh_gia',
'Xác định công tác chỉ đạo, điều hành công tác CCHC là một trong các giải pháp trọng tâm, Giám đốc Sở Thông tin và Truyền thông đã chỉ đạo các bộ phận có liên quan tập trung thực hiện các nhiệm vụ đã nêu trong kế hoạch cải cách hành chính, phân công trách nhiệm nhằm đảm bảo việc quản lý, điều hành công tác cải cách hành chính được thống nhất, đồng bộ.'),

('STTTT-TV', '2023-Q3', 'chi_dao_tien_do',
'Thực hiện Kế hoạch số 97/KH-UBND ngày 30/12/2022 của UBND tỉnh về cải cách hành chính tỉnh Trà Vinh năm 2023; Theo chức năng, nhiệm vụ và đặc điểm tình hình thực tế của cơ quan, Sở Thông tin và Truyền thông đã ban hành Kế hoạch thực hiện công tác cải cách hành chính tại đơn vị. Đến nay, Sở đã triển khai hoàn thành các nội dung theo đúng tiến độ trong kế hoạch đã đề ra.'),

('STTTT-TV', '2023-Q3', 'chi_dao_tuyen_truyen',
'* Việc tuyên truyền triển khai công tác CCHC được thông qua các cuộc họp giao ban tuần của cơ quan và họp chi bộ hàng tháng, đồng thời chỉ đạo các phòng có liên quan triển khai thực hiện lồng ghép với các công việc chuyên môn đảm bảo hiệu quả, chất lượng; Tiếp tục triển khai thực hiện Kế hoạch số 25/KH-STTTT-VP ngày 07/4/2023 về tuyên truyền công tác cải cách hành chính năm 2023.

* Hoạt động trang thông tin điện tử của Sở ngày càng có nhiều thông tin phong phú, giúp tăng cường ứng dụng công nghệ thông tin trong quản lý nhà nước và phục vụ người dân, phổ biến kịp thời các văn bản quy phạm pháp luật, thông tin hoạt động của ngành, trong đó các quyết định, quy định, quy trình và TTHC trên các lĩnh vực hoạt động của Sở, được duy trì hoạt động thường xuyên và luôn cập nhật thông tin mới. {{ky.ten | hoa_dau}} đăng {{chi_dao.tin_cchc_dang_tai | dem}} tin và {{chi_dao.van_ban_cchc_dang_tai | dem}} văn bản có liên quan đến công tác cải cách hành chính trên trang thông tin điện tử của Sở.'),

('STTTT-TV', '2023-Q3', 'chi_dao_sang_kien',
'{{ky.ten | hoa_dau}}, Sở Thông tin và Truyền thông không có mô hình, sáng kiến giải pháp trong CCHC.');

-- II.1 Cải cách thể chế ----------------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TV', '2023-Q3', 'the_che_vbqppl',
'Không có.'),

('STTTT-TV', '2023-Q3', 'the_che_thi_hanh',
'tiếp tục thực hiện Quyết định phân công công chức tiếp công dân thường xuyên của Sở; Quyết định phê duyệt Kế hoạch thanh tra năm {{ky.nam}}; Kế hoạch Công tác phổ biến giáo dục pháp luật năm {{ky.nam}}; Kế hoạch theo dõi tình hình thi hành pháp luật năm {{ky.nam}}; Kế hoạch Công tác của Đội liên ngành phòng, chống các hành vi vi phạm pháp luật trong hoạt động in và lợi dụng hoạt động in để sản xuất hàng giả (Đội liên ngành) tỉnh Trà Vinh năm {{ky.nam}}; Kế hoạch Triển khai thực hiện nhiệm vụ về công tác bồi thường của Nhà nước năm {{ky.nam}}.'),

('STTTT-TV', '2023-Q3', 'the_che_pho_bien',
'Ban hành hơn {{the_che.van_ban_dinh_huong_tuyen_truyen}} văn bản chỉ đạo định hướng các cơ quan báo chí, cơ quan truyền thông trong tỉnh đẩy mạnh tuyên truyền các sự kiện chính trị nổi bật, tuyên truyền các chủ trương, chính sách của Đảng, pháp luật của Nhà nước, tình hình kinh tế - xã hội địa phương.'),

('STTTT-TV', '2023-Q3', 'the_che_ra_soat',
'do Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành thuộc phạm vi quản lý gồm {{the_che.vbqppl_con_hieu_luc}} văn bản đang còn hiệu lực thi hành.');

-- II.2 Cải cách thủ tục hành chính -----------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TV', '2023-Q3', 'tthc_cong_bo',
'- Tham mưu trình UBND tỉnh ban hành Quyết định số 1094/QĐ-UBND ngày 18/7/2023 về việc công bố mới và bãi bỏ thủ tục hành chính lĩnh vực xuất bản, in và phát hành thuộc thẩm quyền giải quyết của Sở Thông tin và Truyền thông; Quyết định số 1312/QĐ-UBND ngày 29/8/2023 về việc công bố và bãi bỏ danh mục thủ tục hành chính lĩnh vực phát thanh, truyền hình và thông tin điện tử thuộc thẩm quyền giải quyết của Sở Thông tin và Truyền thông.'),

('STTTT-TV', '2023-Q3', 'tthc_bo_phan_mot_cua',
'Cơ sở vật chất, trang thiết bị, phần mềm ứng dụng đáp ứng theo yêu cầu cho hoạt động của Bộ phận Một cửa; Nhân viên Bưu điện trực tiếp tiếp nhận và trả kết quả hồ sơ của Sở Thông tin và Truyền thông tại Trung tâm Phục vụ hành chính công, chấp hành tốt các quy định của Trung tâm về trang phục và thái độ phục vụ. Thường xuyên theo dõi, uốn nắn, nâng cao tinh thần trách nhiệm, chủ động, sáng tạo, linh hoạt trong thực hiện, giải quyết các TTHC để mang lại sự hài lòng cho người dân, doanh nghiệp thông qua Hệ thống giám sát, đánh giá tự động về chất lượng giải quyết TTHC và đánh giá mức độ hài lòng của người dân, doanh nghiệp nhất là nhân viên làm việc tại Bộ phận một cửa.'),

('STTTT-TV', '2023-Q3', 'tthc_so_hoa',
'{{ky.ten | hoa_dau}} số hóa được {{tthc.so_hoa}} hồ sơ (Trong đó {{tthc.ty_le_ky_so_toan_trinh | phantram}} hồ sơ trực tuyến toàn trình được ký số, xử lý từ khâu tiếp nhận, giải quyết và trả kết quả hoàn toàn trên hệ thống dịch vụ công); Đối với các hồ sơ TTHC còn hiệu lực từ tháng 8/2022 trở về trước đang tiến hành rà soát để chuẩn bị cho việc số hóa hồ sơ.'),

('STTTT-TV', '2023-Q3', 'tthc_giai_quyet',
'Giải quyết {{tthc.giai_quyet_truc_tuyen}} hồ sơ trực tuyến, trả trước hạn {{tthc.tra_truoc_han}} hồ sơ.'),

('STTTT-TV', '2023-Q3', 'tthc_phan_anh',
'{{ky.ten | hoa_dau}} Sở Thông tin và Truyền thông không có tiếp nhận phản ánh kiến nghị của người dân, tổ chức liên quan đến quy định TTHC.'),

('STTTT-TV', '2023-Q3', 'tthc_danh_gia_chat_luong',
'đáp ứng theo quy định.');

-- II.3 Cải cách tổ chức bộ máy ---------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TV', '2023-Q3', 'to_chuc_quy_dinh',
'đã hoàn thiện.'),

('STTTT-TV', '2023-Q3', 'to_chuc_sap_xep',
'Duy trì tổ chức bộ máy hoạt động tại Sở Thông tin và Truyền thông với {{to_chuc.phong_chuyen_mon | dem}} phòng chuyên môn và {{to_chuc.don_vi_su_nghiep | dem}} đơn vị sự nghiệp công lập từ ngày 01/10/2018 (duy trì thực hiện từ kết quả cải cách tổ chức bộ máy năm 2018) đảm bảo theo Nghị định số 107/2020/NĐ-CP ngày 14/9/2020 và Nghị định số 120/2020/NĐ-CP ngày 07/10/2020 của Chính phủ.'),

('STTTT-TV', '2023-Q3', 'to_chuc_bien_che',
'+ Năm {{ky.nam}}, Sở Thông tin và Truyền thông được UBND tỉnh giao {{to_chuc.bien_che_cong_chuc_giao}} biên chế công chức và {{to_chuc.hop_dong_111_co_quan_giao | dem}} Hợp đồng theo Nghị định 111/2022/NĐ-CP; Biên chế có mặt {{to_chuc.bien_che_cong_chuc_co_mat}} biên chế và {{to_chuc.hop_dong_111_co_quan_co_mat | dem}} Hợp đồng theo Nghị định 111/2022/NĐ-CP;

+ Năm {{ky.nam}}, Trung tâm Công nghệ thông tin và Truyền thông trực thuộc Sở Thông tin và Truyền thông được UBND tỉnh giao {{to_chuc.bien_che_vien_chuc_giao}} biên chế viên chức và {{to_chuc.hop_dong_111_don_vi_giao | dem}} Hợp đồng theo Nghị định 111/2022/NĐ-CP; Biên chế có mặt đến tháng {{to_chuc.bien_che_vien_chuc_thoi_diem}} là {{to_chuc.bien_che_vien_chuc_co_mat}} biên chế và {{to_chuc.hop_dong_111_don_vi_co_mat | dem}} Hợp đồng theo Nghị định 111/2022/NĐ-CP.');

-- II.4 Cải cách chế độ công vụ ----------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TV', '2023-Q3', 'cong_vu_vi_tri_viec_lam',
'Đang tiến hành dự thảo đề án vị trí việc làm theo Thông tư số 09/2023/TT-BTTTT của Bộ Thông tin và Truyền thông: Hướng dẫn về vị trí việc làm công chức nghiệp vụ chuyên ngành Thông tin và Truyền thông trong cơ quan, tổ chức thuộc ngành, lĩnh vực Thông tin và Truyền thông; Thông tư số 08/2023/TT-BTTTT của Bộ Thông tin và Truyền thông: Hướng dẫn về vị trí việc làm lãnh đạo, quản lý và chức danh nghề nghiệp viên chức chuyên ngành; cơ cấu viên chức theo chức danh nghề nghiệp trong đơn vị sự nghiệp công lập thuộc ngành, lĩnh vực Thông tin và Truyền thông.'),

('STTTT-TV', '2023-Q3', 'cong_vu_tuyen_dung',
'Đang thực hiện quy trình tuyển dụng viên chức năm {{ky.nam}}.'),

('STTTT-TV', '2023-Q3', 'cong_vu_bo_nhiem',
'Lập quy trình bổ nhiệm lại đối với {{cong_vu.bo_nhiem_lai | dem}} công chức.'),

('STTTT-TV', '2023-Q3', 'cong_vu_nang_ngach',
'Không có.'),

('STTTT-TV', '2023-Q3', 'cong_vu_ky_luat',
'Công chức, viên chức và người lao động trong cơ quan, đơn vị đều chấp hành nghiêm các quy định của pháp luật; nội quy, quy định của cơ quan đề ra; có lối sống trong sáng, lành mạnh. Trong thực thi nhiệm vụ, công vụ luôn tuân thủ tính thứ bậc, kỷ cương; có trách nhiệm trong công việc, thực hiện nhiệm vụ được giao; đeo thẻ công chức, viên chức khi thực hiện nhiệm vụ; thực hiện các quy định về đạo đức lối sống, nghề nghiệp, văn hóa giao tiếp; không có thái độ hách dịch, cửa quyền, gây khó khăn, phiền hà cho tổ chức, cá nhân khi thi hành nhiệm vụ, công vụ.'),

('STTTT-TV', '2023-Q3', 'cong_vu_dao_tao',
'Tiếp tục cử {{cong_vu.hoc_trung_cap_chinh_tri | dem}} CCVC học lớp Trung cấp chính trị hệ tại chức; {{cong_vu.boi_duong_quoc_phong_an_ninh | dem}} công chức học lớp kiến thức quốc phòng - an ninh đối tượng 3.');

-- II.5 Cải cách tài chính công ---------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TV', '2023-Q3', 'tai_chinh_dau_tu_cong',
'Năm {{ky.nam}}, Sở Thông tin và Truyền thông được phân bổ kinh phí tiếp tục triển khai {{tai_chinh.dau_tu_cong_so_du_an | dem}} dự án đầu tư: Xây dựng trung tâm điều hành an ninh mạng (SOC); Nâng cấp, mở rộng hạ tầng kỹ thuật công nghệ thông tin đáp ứng yêu cầu triển khai chính quyền điện tử tỉnh Trà Vinh (giai đoạn 2) với tổng kinh phí được cấp là {{tai_chinh.dau_tu_cong_von_duoc_cap | so}} tỷ đồng đến thời điểm {{tai_chinh.dau_tu_cong_thoi_diem | ngay}} đã giải ngân {{tai_chinh.dau_tu_cong_da_giai_ngan | so}} tỷ đồng, đạt {{tai_chinh.dau_tu_cong_ty_le_giai_ngan | phantram}} kế hoạch vốn được giao năm {{ky.nam}}.'),

('STTTT-TV', '2023-Q3', 'tai_chinh_ctmtqg',
'Năm {{ky.nam}} Sở Thông tin và Truyền thông được cấp tổng kinh phí là {{tai_chinh.ctmtqg_kinh_phi | so}} tỷ đồng để thực hiện {{tai_chinh.ctmtqg_so_chuong_trinh | dem}} Chương trình mục tiêu quốc gia, cụ thể:

- Chương trình mục tiêu quốc gia xây dựng nông thôn mới: tổng kinh phí cấp {{tai_chinh.ctmtqg_nong_thon_moi_kinh_phi | so}} tỷ đồng, hiện tại Sở Thông tin và Truyền thông đang triển khai thực hiện.

- Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi: tổng kinh phí cấp {{tai_chinh.ctmtqg_dtts_kinh_phi | so}} tỷ đồng, hiện Sở Thông tin và Truyền thông đang trình Sở Kế hoạch và Đầu tư xem xét, trình Ủy ban nhân dân tỉnh phê duyệt chủ trương thực hiện Tiểu dự án 2: Ứng dụng công nghệ thông tin hỗ trợ phát triển kinh tế - xã hội và đảm bảo an ninh trật tự vùng đồng bào dân tộc thiểu số và miền núi thuộc Dự án 10: Truyền thông, tuyên truyền, vận động trong vùng đồng bào dân tộc thiểu số. Kiểm tra, giám sát đánh giá việc tổ chức thực hiện Chương trình với kinh phí thực hiện là {{tai_chinh.ctmtqg_dtts_von_dau_tu_phat_trien | so}} triệu đồng (sử dụng vốn đầu tư phát triển).

- Chương trình mục tiêu quốc gia giảm nghèo bền vững: tổng kinh phí cấp {{tai_chinh.ctmtqg_giam_ngheo_kinh_phi | so}} tỷ đồng, Sở Thông tin và Truyền thông đã trình Sở Tài chính phê duyệt dự toán Tiểu dự án 1 Giảm nghèo về thông tin với tổng dự toán thực hiện là {{tai_chinh.ctmtqg_giam_ngheo_thong_tin_du_toan | so}} tỷ đồng (chuyển đổi truyền thanh ứng dụng công nghệ thông tin - viễn thông cho {{tai_chinh.ctmtqg_giam_ngheo_thong_tin_so_xa}} xã đảo trên địa bàn tỉnh). Hiện Sở Thông tin và Truyền thông đang tổ chức lựa chọn nhà thầu thi công. Còn Tiểu dự án 2 giám sát, đánh giá thuộc Dự án 7 Nâng cao năng lực và giám sát, đánh giá Chương trình: hiện Sở Thông tin và Truyền thông đang xây dựng kế hoạch thực hiện.'),

('STTTT-TV', '2023-Q3', 'tai_chinh_thanh_tra',
'từ đầu năm {{ky.nam}} đến nay, Sở Thông tin và Truyền thông không có quyết định thanh kiểm tra của cơ quan có thẩm quyền.'),

('STTTT-TV', '2023-Q3', 'tai_chinh_tu_chu',
'*theo Nghị định số 60/2021/NĐ-CP ngày 27/01/2022 tại Trung tâm Công nghệ thông tin và Truyền thông năm {{ky.nam}}, như sau:*

+ Biên chế được giao: {{to_chuc.bien_che_vien_chuc_giao | dem}} người (hưởng lương từ NSNN cấp {{tai_chinh.tu_chu_giao_luong_nsnn | dem}} người, hưởng lương từ nguồn thu sự nghiệp {{tai_chinh.tu_chu_giao_luong_nguon_thu | dem}} người).

+ Biên chế có mặt đến {{tai_chinh.tu_chu_thoi_diem | ngay}}: {{tai_chinh.tu_chu_bien_che_co_mat | dem}} người (hưởng lương từ NSNN cấp {{tai_chinh.tu_chu_co_mat_luong_nsnn | dem}} người, hưởng lương từ nguồn thu sự nghiệp {{tai_chinh.tu_chu_co_mat_luong_nguon_thu}} người). Hợp đồng lao động theo Nghị định 111/2022/NĐ-CP: được giao {{to_chuc.hop_dong_111_don_vi_giao | dem}} người, có mặt đến {{tai_chinh.tu_chu_thoi_diem | ngay}}: {{tai_chinh.tu_chu_hop_dong_111_co_mat | dem}} người.

- Về thực hiện kinh phí NSNN cấp

+ Tự chủ: Dự toán giao trong năm: {{tai_chinh.du_toan_tu_chu | so}} đồng. Dự toán đã sử dụng đến {{tai_chinh.tu_chu_thoi_diem | ngay}}: {{tai_chinh.du_toan_tu_chu_da_su_dung | so}} đồng.

+ Không tự chủ: Dự toán giao trong năm: {{tai_chinh.du_toan_khong_tu_chu | so}} đồng. Dự toán đã sử dụng đến {{tai_chinh.tu_chu_thoi_diem | ngay}}: {{tai_chinh.du_toan_khong_tu_chu_da_su_dung | so}} đồng.

- Về thu hoạt động sự nghiệp: Dự toán thu giao đầu năm: {{tai_chinh.du_toan_thu_su_nghiep | so}} đồng. Số đã thu đến {{tai_chinh.tu_chu_thoi_diem | ngay}}: {{tai_chinh.thu_su_nghiep_da_thu | so}} đồng.');

-- II.6 Chính quyền điện tử, chính quyền số ---------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TV', '2023-Q3', 'cqs_the_che',
'Tham mưu UBND tỉnh ban hành Kế hoạch số 68/KH-UBND ngày 26/7/2023 của UBND tỉnh về Hành động nâng cao chất lượng và hiệu quả cung cấp dịch vụ công trực tuyến Trà Vinh năm 2023.'),

('STTTT-TV', '2023-Q3', 'cqs_ha_tang',
'Mạng truyền số liệu chuyên dùng của cơ quan Đảng và Nhà nước đã kết nối đến mạng LAN của {{cqs.tslcd_co_quan}} cơ quan, đơn vị ({{cqs.tslcd_co_quan_dang}} cơ quan đảng; {{cqs.tslcd_co_quan_nha_nuoc}} cơ quan nhà nước); trên {{cqs.ty_le_ccvc_co_may_tinh | phantram}} công chức, viên chức trong cơ quan nhà nước được trang bị máy vi tính.

Hạ tầng kỹ thuật công nghệ thông tin tập trung tại Trung tâm Công nghệ thông tin và Truyền thông trực thuộc Sở Thông tin và Truyền thông, năng lực hệ thống đáp ứng yêu cầu triển khai các ứng dụng, dịch vụ dùng chung của tỉnh, hiện có {{cqs.httt_tap_trung}} hệ thống, cơ sở dữ liệu, trong đó:

- {{cqs.httt_tap_trung_dang | dem}} hệ thống, cơ sở dữ liệu thuộc hệ Đảng: hệ thống Công thông tin điện tử của Tỉnh ủy; hệ thống Quản lý văn bản và điều hành (iOffice) của Tỉnh ủy; cơ sở dữ liệu đoàn viên, hội viên của Ban Dân vận Tỉnh ủy.

- {{cqs.httt_tap_trung_nha_nuoc}} hệ thống thông tin, cơ sở dữ liệu thuộc của cơ quan nhà nước: Công thông tin điện tử, Thư điện tử công vụ, Quản lý văn bản và điều hành (iOffice); Công dịch vụ công (iGate); ISO điện tử; Xác thực tập trung; Hội nghị truyền hình; Trục liên thông văn bản; Xác thực kết nối liên thông; Giám sát trung tâm dữ liệu; Quản lý hộ kinh doanh; Công thông tin doanh nghiệp, hộ kinh doanh, hợp tác xã; cơ sở dữ liệu cán bộ, công chức.

Ngoài ra, một số cơ quan có xây dựng hệ thống máy chủ riêng phục vụ ứng dụng CNTT của ngành, lĩnh vực như: Văn phòng UBND tỉnh, Sở Tài nguyên và Môi trường, Sở Y tế, Sở Giáo dục và Đào tạo, Sở Công Thương, Sở Tài chính,...'),

('STTTT-TV', '2023-Q3', 'cqs_an_toan_thong_tin',
'Các hệ thống thông tin dùng chung của tỉnh đã được phê duyệt cấp độ và tổ chức thực hiện phương án bảo đảm an toàn thông tin theo cấp độ và triển khai bảo đảm an toàn thông tin theo mô hình “4 lớp”.

Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC) đảm bảo năng lực phục vụ công tác giám sát, điều hành, bảo đảm an toàn, an ninh mạng trên phạm vi toàn tỉnh; đảm bảo Trung tâm giám sát, điều hành an toàn, an ninh mạng của tỉnh kết nối và chia sẻ thông tin thông suốt với Trung tâm Giám sát an toàn không gian mạng quốc gia; Tiếp nhận {{cqs.canh_bao_lo_hong}} cảnh báo về lỗ hổng của các ứng dụng, chưa ghi nhận cuộc tấn công vào hệ thống.'),

('STTTT-TV', '2023-Q3', 'cqs_nen_tang_du_lieu',
'- Tiếp tục vận hành Nền tảng thanh toán trực tuyến của Công dịch vụ công của tỉnh để hỗ trợ người dân, doanh nghiệp nộp phí, lệ phí thực hiện thủ tục hành chính trực tuyến gồm: nền tảng thanh toán trực tuyến của tỉnh, nền tảng thanh toán trực tuyến Công dịch vụ công quốc gia.

- Tiếp tục vận hành nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) kết nối với nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP), sẵn sàng tích hợp, chia sẻ dữ liệu giữa các ứng dụng, dịch vụ công nghệ thông tin của tỉnh với nhau và với các hệ thống thông tin có chia sẻ dữ liệu qua nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP). Hiện có {{cqs.lgsp_he_thong_ket_noi}} hệ thống đã hoàn thành kết nối với Công dịch vụ công của tỉnh qua LGSP, gồm: (1) CSDL quốc gia về Đăng ký doanh nghiệp (Bộ Kế hoạch và Đầu tư); (2) CSDL quốc gia về bảo hiểm (Bảo hiểm xã hội Việt Nam); (3) CSDL đất đai quốc gia (Bộ Tài nguyên và Môi trường); (4) CSDL quốc gia về văn bản quy phạm pháp luật (Bộ Tư pháp); (5) Hệ thống cấp phiếu lý lịch tư pháp trực tuyến (Bộ Tư pháp); (6) Hệ thống thông tin đăng ký và quản lý hộ tịch (Bộ Tư pháp); (7) Hệ thống cấp mã số đơn vị có quan hệ với ngân sách (Bộ Tài Chính); (8) Hệ thống thông tin quản lý danh mục điện tử dùng chung của các cơ quan nhà nước phục vụ phát triển Chính phủ điện tử Việt Nam (Bộ Thông tin và Truyền thông); (9) Hệ thống phục vụ dịch vụ công của Tổng Công ty Bưu điện Việt Nam; (10) Hệ thống dịch vụ công lĩnh vực đường bộ trong nước (Bộ Giao thông Vận tải); (11) CSDL quốc gia về dân cư; (12) Hệ thống mã bưu chính VNPostPrice; (13) Công DVC Bộ Xây dựng; (14) Hệ thống Đăng ký, giải quyết chính sách trợ giúp xã hội trực tuyến (Bộ Lao động TBXH).

- Triển khai nền tảng đăng nhập một lần (SSO) hỗ trợ cán bộ, công chức, viên chức các cơ quan, đơn vị sử dụng 01 tài khoản, đăng nhập 01 lần để sử dụng các hệ thống thông tin dùng chung có liên quan của tỉnh.

- Tiếp tục vận hành nền tảng kho dữ liệu và Kho dữ liệu dùng chung (bao gồm các loại dữ liệu: Người dân, doanh nghiệp, thủ tục hành chính, danh mục dùng chung, hồ sơ, cán bộ, công chức, viên chức, thông tin và truyền thông) chia sẻ cho tất cả các hệ thống thông tin có liên quan qua LGSP.

- Tiếp tục vận hành các cơ sở dữ liệu như: cơ sở dữ liệu người dùng trên Cổng dịch vụ công của tỉnh; cơ sở dữ liệu doanh nghiệp (gồm hộ kinh doanh, hợp tác xã); cơ sở dữ liệu thủ tục hành chính; cơ sở dữ liệu cán bộ, công chức, viên chức; cơ sở dữ liệu đoàn viên, hội viên; cơ sở dữ liệu văn bản quy phạm pháp luật; cơ sở dữ liệu lý lịch tư pháp; cơ sở dữ liệu về kinh tế - xã hội của tỉnh; cơ sở dữ liệu các lĩnh vực: Lao động, thương binh và xã hội, tư pháp, tài nguyên và môi trường.'),

('STTTT-TV', '2023-Q3', 'cqs_ung_dung_noi_bo',
'a) Hệ thống Quản lý văn bản và điều hành - iOffice: đã triển khai áp dụng cho {{cqs.ioffice_co_quan}} cơ quan (cấp tỉnh: {{cqs.ioffice_co_quan_cap_tinh}}, cấp huyện: {{cqs.ioffice_co_quan_cap_huyen}}, cấp xã: {{cqs.ioffice_co_quan_cap_xa}}) với {{cqs.ioffice_nguoi_dung | so}} người dùng; đã tích hợp giải pháp ký số; liên thông gửi nhận văn bản điện tử thông suốt từ trung ương đến cấp xã và liên thông gửi nhận văn bản điện tử với hệ thống iOffice của Văn phòng Tỉnh ủy. Tỷ lệ ký số văn bản điện tử {{cqs.ioffice_ty_le_ky_so | phantram}}.

b) Chứng thư số chuyên dùng: Quý đã thực hiện thu hồi, cấp mới cho các tổ chức, cá nhân, nâng tổng số {{cqs.chung_thu_so | so}} chứng thư số đang hoạt động ({{cqs.chung_thu_so_to_chuc | so}} chứng thư số tổ chức, {{cqs.chung_thu_so_ca_nhan | so}} chứng thư số cá nhân ({{cqs.chung_thu_so_usb | so}} USB, {{cqs.chung_thu_so_sim}} SIM PKI) phục vụ ký số văn bản, hồ sơ giao dịch với các cơ quan như: Bảo hiểm xã hội tỉnh, Cục Thuế tỉnh và Kho bạc Nhà nước tỉnh.

c) Hệ thống thư điện tử công vụ (mail.travinh.gov.vn): Trong quý tổ chức cấp mới tài khoản cho cán bộ, công chức, viên chức, nâng tổng số hộp thư điện tử công vụ cấp cho cán bộ, công chức, viên chức là {{cqs.hop_thu_cong_vu | so}}. Qua đó góp phần đẩy mạnh tăng cường trao đổi, sử dụng văn bản điện tử qua môi trường mạng

d) Hệ thống Một cửa điện tử và Dịch vụ công trực tuyến (VNPT- iGate) triển khai cho tất cả các cơ quan hành chính nhà nước các cấp của tỉnh (cấp tỉnh {{cqs.mot_cua_co_quan_cap_tinh}}, huyện {{cqs.mot_cua_co_quan_cap_huyen}}, xã {{cqs.mot_cua_co_quan_cap_xa}}). Tổng số thủ tục hành chính cập nhật trên hệ thống {{cqs.mot_cua_tthc | so}}. Trong quý {{ky.quy | la_ma}}, hệ thống đã tiếp nhận {{cqs.ho_so_tiep_nhan | so}} hồ sơ ({{cqs.ho_so_truc_tiep | so}} trực tiếp, {{cqs.ho_so_truc_tuyen}} trực tuyến (tỷ lệ {{cqs.mot_cua_ty_le_truc_tuyen | phantram}}), đã giải quyết {{cqs.ho_so_da_giai_quyet | so}} hồ sơ, các hồ sơ còn lại trong quá trình giải quyết.

đ) Phần mềm ISO điện tử (<http://iso.travinh.gov.vn>) được kết nối liên thông với hệ thống một cửa điện tử, đã triển khai áp dụng đến {{cqs.iso_co_quan_cap_tinh}} cơ quan cấp tỉnh, {{cqs.iso_ubnd_cap_huyen | dem}} UBND huyện, {{cqs.iso_cap_xa}} xã, phường, thị trấn phục vụ công tác quản lý áp dụng TCVN ISO 9001:2015. Hệ thống kết nối với Cổng dịch vụ công của tỉnh để đồng bộ trạng thái tiếp nhận, xử lý, trả kết quả giải quyết thủ tục hành chính.

e) Hệ thống hội nghị truyền hình được triển khai kết nối liên thông đến cấp xã phục vụ cuộc họp trực tuyến 3 cấp (từ tỉnh đến cơ sở: {{cqs.hntt_diem_cau_tinh_huyen}} điểm cầu gồm Trung tâm Hội nghị của tỉnh, Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh, Văn phòng HĐND tỉnh, Văn phòng Tỉnh ủy và {{cqs.hntt_diem_cau_cap_huyen | dem}} Ủy ban nhân dân huyện, thị xã, thành phố, {{cqs.hntt_diem_cau_cap_xa}} điểm cầu tại UBND cấp xã) qua mạng truyền số liệu chuyên dùng của Đảng và Nhà nước, giúp tiết kiệm thời gian và chi phí, nâng cao chất lượng, hiệu quả giải quyết công việc góp phần thực hiện cải cách hành chính trên địa bàn tỉnh.'),

('STTTT-TV', '2023-Q3', 'cqs_ung_dung_nguoi_dan',
'a) Cổng thông tin điện tử tỉnh: duy trì hệ thống Cổng thông tin điện tử của tỉnh (<https://travinh.gov.vn/>): gồm {{cqs.cong_ttdt_cong_chinh | dem}} cổng chính (với {{cqs.cong_ttdt_ngon_ngu | dem}} ngôn ngữ tiếng Việt, tiếng Anh, tiếng Khmer) và {{cqs.cong_ttdt_thanh_phan}} Cổng thông tin thành phần kịp thời đăng tải thông tin kinh tế - xã hội, hoạt động chỉ đạo, điều hành của các cơ quan nhà nước.

b) Hệ thống Cổng dịch vụ công tỉnh (<https://dichvucong.travinh.gov.vn/>): cung cấp thông tin về thủ tục hành chính; cung cấp {{cqs.dvc_cung_cap | so}} dịch vụ công ({{cqs.dvc_muc_3}} dịch vụ (chiếm tỷ lệ {{cqs.dvc_muc_3_ty_le | phantram}}); mức 4: {{cqs.dvc_muc_4}} dịch vụ (chiếm tỷ lệ {{cqs.dvc_muc_4_ty_le | phantram}}). Trong quý {{ky.quy | la_ma}}, hệ thống đã tiếp nhận {{cqs.ho_so_tiep_nhan | so}} hồ sơ ({{cqs.ho_so_truc_tiep | so}} trực tiếp, {{cqs.ho_so_truc_tuyen}} trực tuyến (tỷ lệ {{cqs.dvc_ty_le_ho_so_truc_tuyen | phantram}}), đã giải quyết {{cqs.ho_so_da_giai_quyet | so}} hồ sơ, các hồ sơ còn lại trong quá trình giải quyết. Trong đó dịch vụ công mức độ một phần tiếp nhận {{cqs.dvc_mot_phan_ho_so | so}} hồ sơ ({{cqs.dvc_mot_phan_truc_tiep | so}} trực tiếp, {{cqs.dvc_mot_phan_truc_tuyen | so}} trực tuyến (tỷ lệ {{cqs.dvc_mot_phan_ty_le_truc_tuyen}} %)); dịch vụ công mức toàn trình tiếp nhận {{cqs.dvc_toan_trinh_ho_so | so}} hồ sơ ({{cqs.dvc_toan_trinh_truc_tiep | so}} trực tiếp, {{cqs.dvc_toan_trinh_truc_tuyen | so}} trực tuyến (tỷ lệ {{cqs.dvc_toan_trinh_ty_le_truc_tuyen | phantram}})). Rà soát, công khai {{cqs.tthc_cong_khai_quoc_gia | so}} thủ tục hành chính của tỉnh lên Cổng dịch vụ công quốc gia, tích hợp {{cqs.dvc_tich_hop_quoc_gia}} DVC trực tuyến lên Cổng DVC quốc gia, đang thực hiện tích hợp các dịch vụ khác theo Quyết định số 411/QĐ-TTg ngày 24/3/2020 của Thủ tướng Chính phủ.

c) Cổng thông tin doanh nghiệp, hộ kinh doanh, hợp tác xã của tỉnh (<https://doanhnghiep.travinh.gov.vn/>): cung cấp {{cqs.cong_dn_doanh_nghiep}} thông tin doanh nghiệp, {{cqs.cong_dn_ho_kinh_doanh | so}} hộ kinh doanh, {{cqs.cong_dn_hop_tac_xa}} hợp tác xã của tỉnh; thông tin chủ trương, chính sách của nhà nước đối với doanh nghiệp; hỗ trợ doanh nghiệp giới thiệu quảng bá sản phẩm, liên kết trong sản xuất, kinh doanh

d) Sàn giao dịch thương mại điện tử tỉnh (<https://travinhtrade.vn/>): với chức năng trao đổi, trưng bày, giới thiệu sản phẩm, thương hiệu của các tổ chức, doanh nghiệp đến khách hàng và cho phép các tổ chức, cá nhân, doanh nghiệp không phải chủ sở hữu hoặc người quản lý có thể bán hoặc cung ứng các dịch vụ trên đó. Đến nay có {{cqs.san_tmdt_doanh_nghiep}} doanh nghiệp tham gia sàn thương mại điện tử của tỉnh với {{cqs.san_tmdt_san_pham}} sản phẩm.

đ) Trang thông tin điện tử phổ biến, giáo dục, pháp luật (<https://pbgdpl.travinh.gov.vn/>): cung cấp thông tin, tài liệu giới thiệu các văn bản pháp luật mới ban hành, thông cáo báo chí về văn bản quy phạm pháp luật, Nghị quyết của Hội đồng nhân dân tỉnh, Quyết định của UBND tỉnh, các văn bản, pháp lệnh khác có liên quan đến ngành, lĩnh vực quản lý. Từ đầu năm {{ky.nam}} đến nay đã phổ biến {{cqs.pbgdpl_van_ban}} văn bản trên trang thông tin điện tử phổ biến, giáo dục, pháp luật của tỉnh.'),

('STTTT-TV', '2023-Q3', 'cqs_do_thi_thong_minh',
'Thí điểm triển khai một số dịch vụ Trung tâm giám sát, điều hành đô thị thông minh - IOC: dịch vụ phản ánh hiện trường (hệ thống phản ánh hiện trường); dịch vụ giám sát, điều hành giao thông (hệ thống giao thông thông minh); dịch vụ giám sát thông tin trên môi trường mạng (hệ thống lắng nghe mạng xã hội); y tế thông minh (hệ thống giám sát điều hành lĩnh vực y tế); giáo dục thông minh (hệ thống giám sát, điều hành lĩnh vực giáo dục); dịch vụ giám sát và cảnh báo môi trường (hệ thống cảm biến môi trường); giám sát dịch vụ công (hệ thống giám sát dịch vụ hành chính công); giám sát chỉ tiêu báo cáo - thống kê; hệ thống thông tin tra cứu đất đai.');

-- III. Tồn tại, hạn chế, nguyên nhân; IV. Phương hướng ----------------------
-- (V. Kiến nghị, đề xuất: no narrative; the template prints "Không có".)

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TV', '2023-Q3', 'ton_tai',
'Tỉ lệ hồ sơ nộp hồ sơ bằng hình thức trực tuyến thấp, tỷ lệ thủ tục hành chính phát sinh hồ sơ trực tuyến còn thấp, tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến và số hồ sơ thanh toán trực tuyến còn thấp; đa số tương tác giữa người dân, doanh nghiệp với cơ quan nhà nước chủ yếu bằng hình thức trực tiếp,...'),

('STTTT-TV', '2023-Q3', 'nguyen_nhan',
'- Một số bộ phận người dân, doanh nghiệp khả năng sử dụng Internet còn thấp; thói quen trong sử dụng dịch vụ công bằng hình thức trực tiếp, thanh toán trực tiếp phí, lệ phí tại bộ phận một cửa; điều kiện về trang thiết bị chưa đảm bảo để sử dụng dịch vụ công trực tuyến, ... nên số lượng người dân chọn phương án nộp hồ sơ trực tiếp, thanh toán trực tiếp còn nhiều.

- Công tác số hóa hồ sơ thủ tục hành chính còn thấp do người dân chưa đảm bảo về trang thiết bị (máy tính, máy quét,...)'),

('STTTT-TV', '2023-Q3', 'phuong_huong',
'- Tiếp tục tham mưu UBND tỉnh chỉ đạo triển khai các nhiệm vụ, giải pháp triển khai xây dựng và phát triển chính quyền số, tập trung các nội dung như sau:

- Tiếp tục chỉ đạo triển khai, kiểm tra, giám sát việc thực hiện các nhiệm vụ xây dựng chính quyền điện tử, tăng cường áp dụng các ứng dụng CNTT đã được triển khai trong hoạt động chỉ đạo, điều hành của các cơ quan hành chính nhà nước các cấp; các nhiệm vụ, dự án theo các Kế hoạch UBND tỉnh ban hành.

- Tiếp tục rà soát bổ sung, hoàn thiện chức năng các hệ thống thông tin đã được đầu tư đáp ứng yêu cầu giải quyết chuyên môn, nghiệp vụ, đặc biệt là Cổng dịch vụ công của tỉnh để hỗ trợ cơ quan, đơn vị thực thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính theo Nghị định 61/2018/NĐ-CP ngày 23/4/2018; thực hiện thủ tục hành chính trên môi trường điện tử theo Nghị định số 45/2020/NĐ-CP ngày 08/4/2020. Đảm bảo tiến độ kết nối, tích hợp các nền tảng số quốc gia với Cổng dịch vụ công của tỉnh theo hướng dẫn của Bộ ngành trung ương.

- Đẩy mạnh triển khai các hoạt động truyền thông, tuyên truyền vận động người dân, doanh nghiệp ưu tiên sử dụng dịch vụ công bằng hình thức trực tuyến.

- Tiếp tục vận hành, phát triển kho dữ liệu dùng chung của tỉnh kết nối, tích hợp các cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành, ứng dụng chuyên môn, nghiệp vụ; mở dữ liệu và cung cấp dữ liệu mở phục vụ phát triển chính quyền số, kinh tế số, xã hội số. Xây dựng và phát triển các công cụ khai thác kho dữ liệu dùng chung phục vụ công tác chỉ đạo, điều hành của lãnh đạo các cấp; hoạt động quản lý, phân tích, dự báo của cơ quan, tổ chức nhà nước; giao tiếp trực tuyến giữa người dân, doanh nghiệp với cơ quan nhà nước trên các lĩnh vực

- Tiếp tục hỗ trợ tập huấn khai thác sử dụng kho quản lý dữ liệu điện tử của tổ chức, cá nhân sử dụng dịch vụ xác thực thông tin công dân trong quá trình giải quyết thủ tục hành chính trên Cổng dịch vụ công tỉnh.');
