-- samples/tay_ninh_2024.sql: Sở Thông tin và Truyền thông tỉnh Tây Ninh,
-- báo cáo kết quả thực hiện công tác cải cách hành chính và dân chủ ở cơ sở,
-- số liệu từ 01/01/2024 đến 31/7/2024 (template cchc_dcs).
-- Load after data/schema.sql, inside one transaction (build.sh and the e2e
-- tests load every samples/*.sql into one database, in file-name order; this
-- file does not depend on any other and shares no id or code with them):
--   baocao db init baocao.db && baocao db load baocao.db samples/tay_ninh_2024.sql
-- Every figure of the report is an indicator value below; the narratives
-- (and, for the bare figures the outline asks for, the template) quote them
-- by placeholder ({{code}}, {{code | so}}, ...). See samples/README.md.

-- ---------------------------------------------------------------------------
-- Agency, signer, period, report, recipients
-- ---------------------------------------------------------------------------

INSERT INTO agency (code, name, full_name, parent_name, symbol, place) VALUES
  ('STTTT-TN', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Sở Thông tin và Truyền thông',
   'UBND TỈNH TÂY NINH', 'STTTT', 'Tây Ninh');

-- The published extract does not show the signer's name; none is invented,
-- so the layout leaves the name line empty.
INSERT INTO signer (id, agency_code, authority, title, full_name) VALUES
  (2, 'STTTT-TN', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '');

-- A custom period: ky.ten prints "từ 01/01/2024 đến 31/7/2024".
INSERT INTO period (code, kind, year, number, starts, ends) VALUES
  ('2024-01-01..2024-07-31', 'custom', 2024, NULL, '2024-01-01', '2024-07-31');

-- Number not assigned: "Số:   /BC-STTTT"; dated as signed: 21/8/2024.
INSERT INTO report (agency_code, period_code, template, number, issued_on,
                    signer_id, archive_unit) VALUES
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cchc_dcs', NULL, '2024-08-21', 2, 'VP');

INSERT INTO recipient (agency_code, template, position, text) VALUES
  ('STTTT-TN', 'cchc_dcs', 1, 'Sở Nội vụ'),
  ('STTTT-TN', 'cchc_dcs', 2, 'GĐ, PGĐ Sở'),
  ('STTTT-TN', 'cchc_dcs', 3, 'Các phòng, đơn vị thuộc Sở');

-- ---------------------------------------------------------------------------
-- Indicators (chỉ tiêu): named by what they measure. None of these codes is
-- used by another sample file (a shared code would make the second file's
-- INSERT fail), so figures that the Trà Vinh sample also reports under
-- to_chuc.* / cong_vu.* have their own codes here (nhan_su.*, ...).
-- ---------------------------------------------------------------------------

INSERT INTO indicator (code, section, position, name, unit, kind) VALUES
  -- A. Khái quát chung của cơ quan
  ('khai_quat.phong_chuyen_mon_nghiep_vu', 'khai_quat', 1,
   'Số phòng chuyên môn, nghiệp vụ thuộc cơ quan (kể cả Văn phòng, Thanh tra)', 'phòng', 'number'),
  ('khai_quat.don_vi_su_nghiep_truc_thuoc', 'khai_quat', 2,
   'Số đơn vị sự nghiệp công lập trực thuộc cơ quan', 'đơn vị', 'number'),
  ('khai_quat.tthc_tham_quyen', 'khai_quat', 3,
   'Số thủ tục hành chính thuộc thẩm quyền xử lý của cơ quan được công bố, niêm yết', 'TTHC', 'number'),
  ('khai_quat.tthc_chu_tri_lien_thong', 'khai_quat', 4,
   'Số TTHC do cơ quan chủ trì có liên thông xử lý với cơ quan, địa phương khác theo cơ chế một cửa liên thông', 'TTHC', 'number'),
  ('khai_quat.tthc_phoi_hop_lien_thong', 'khai_quat', 5,
   'Số TTHC cơ quan, đơn vị được giao liên thông phối hợp', 'TTHC', 'number'),

  -- Nhân sự: có mặt (phần A và B.I.4), được giao, chưa sử dụng (B.I.4)
  ('nhan_su.co_mat_tong', 'nhan_su', 1,
   'Tổng số cán bộ, công chức, viên chức và người lao động có mặt', 'người', 'number'),
  ('nhan_su.co_mat_cong_chuc', 'nhan_su', 2,
   'Số công chức có mặt', 'người', 'number'),
  ('nhan_su.co_mat_vien_chuc', 'nhan_su', 3,
   'Số viên chức (người làm việc trong đơn vị sự nghiệp công lập) có mặt', 'người', 'number'),
  ('nhan_su.co_mat_hop_dong_ho_tro', 'nhan_su', 4,
   'Số hợp đồng lao động làm công việc hỗ trợ, phục vụ có mặt', 'người', 'number'),
  ('nhan_su.co_mat_hop_dong_ho_tro_co_quan', 'nhan_su', 5,
   'Số hợp đồng lao động hỗ trợ, phục vụ có mặt tại cơ quan', 'người', 'number'),
  ('nhan_su.co_mat_hop_dong_ho_tro_don_vi', 'nhan_su', 6,
   'Số hợp đồng lao động hỗ trợ, phục vụ có mặt tại đơn vị sự nghiệp công lập trực thuộc', 'người', 'number'),
  ('nhan_su.co_mat_hop_dong_chuyen_mon', 'nhan_su', 7,
   'Số hợp đồng lao động làm công tác chuyên môn, nghiệp vụ có mặt (tại đơn vị sự nghiệp công lập)', 'người', 'number'),
  ('nhan_su.giao_tong', 'nhan_su', 8,
   'Tổng số biên chế công chức, số lượng người làm việc và hợp đồng lao động được giao', 'biên chế, hợp đồng', 'number'),
  ('nhan_su.giao_cong_chuc', 'nhan_su', 9,
   'Số biên chế công chức được giao', 'biên chế', 'number'),
  ('nhan_su.giao_vien_chuc', 'nhan_su', 10,
   'Số lượng người làm việc (viên chức) được giao', 'biên chế', 'number'),
  ('nhan_su.giao_hop_dong_ho_tro', 'nhan_su', 11,
   'Số hợp đồng lao động làm công việc hỗ trợ, phục vụ được giao', 'lao động', 'number'),
  ('nhan_su.giao_hop_dong_chuyen_mon', 'nhan_su', 12,
   'Số hợp đồng lao động làm công tác chuyên môn, nghiệp vụ được giao', 'lao động', 'number'),
  ('nhan_su.chua_su_dung_hop_dong_chuyen_mon', 'nhan_su', 13,
   'Số hợp đồng lao động làm công tác chuyên môn, nghiệp vụ được giao chưa sử dụng', 'lao động', 'number'),

  -- B.I.1 Công tác chỉ đạo, điều hành CCHC
  ('chi_dao.kien_truc_du_toan', 'chi_dao', 1,
   'Dự toán trong năm của hạng mục xây dựng Kiến trúc chính quyền điện tử hướng tới chính quyền số của tỉnh', 'đồng', 'number'),
  ('chi_dao.kien_truc_chao_gia_thoi_diem', 'chi_dao', 2,
   'Thời điểm của số liệu bảng chào giá tư vấn xây dựng Kiến trúc chính quyền điện tử đã nhận', '', 'date'),
  ('chi_dao.kien_truc_chao_gia_so_bang', 'chi_dao', 3,
   'Số bảng chào giá tư vấn xây dựng Kiến trúc chính quyền điện tử đã nhận', 'bảng chào giá', 'number'),
  ('chi_dao.kien_truc_chao_gia_1', 'chi_dao', 4,
   'Giá chào tư vấn xây dựng Kiến trúc chính quyền điện tử của đơn vị thứ nhất (Trung tâm Công nghệ số quốc gia)', 'đồng', 'number'),
  ('chi_dao.kien_truc_chao_gia_2', 'chi_dao', 5,
   'Giá chào tư vấn xây dựng Kiến trúc chính quyền điện tử của đơn vị thứ hai (Công ty Cổ phần tư vấn đào tạo và phát triển công nghệ PTV)', 'đồng', 'number'),
  ('chi_dao.kien_truc_chao_gia_3', 'chi_dao', 6,
   'Giá chào tư vấn xây dựng Kiến trúc chính quyền điện tử của đơn vị thứ ba (Công ty Cổ phần Công nghệ số 4.0 An Hoàng Minh)', 'đồng', 'number'),
  ('chi_dao.tin_bai_dich_vu_cong_truc_tuyen', 'chi_dao', 7,
   'Số lượt tin, bài tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến trên các nền tảng do cơ quan quản lý (hơn)', 'lượt tin, bài', 'number'),
  ('chi_dao.ngsp_dich_vu', 'chi_dao', 8,
   'Số dịch vụ cung cấp trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NGSP)', 'dịch vụ', 'number'),
  ('chi_dao.ngsp_dich_vu_tich_hop_lgsp', 'chi_dao', 9,
   'Số dịch vụ NGSP đã được tích hợp lên nền tảng LGSP của tỉnh', 'dịch vụ', 'number'),
  ('chi_dao.ngsp_dich_vu_da_khai_thac', 'chi_dao', 10,
   'Số dịch vụ NGSP đã được các hệ thống của tỉnh khai thác', 'dịch vụ', 'number'),
  ('chi_dao.dti_hang_tinh_moc', 'chi_dao', 11,
   'Thứ hạng Chỉ số đánh giá chuyển đổi số (DTI) của tỉnh ở năm làm mốc của kế hoạch nâng cao DTI', 'hạng', 'number'),
  ('chi_dao.dti_so_tinh_xep_hang', 'chi_dao', 12,
   'Số tỉnh, thành phố được xếp hạng DTI cấp tỉnh', 'tỉnh, thành phố', 'number'),
  ('chi_dao.dti_hang_tinh_gan_nhat', 'chi_dao', 13,
   'Thứ hạng DTI của tỉnh theo kết quả đã công bố gần nhất', 'hạng', 'number'),
  ('chi_dao.tin_bai_chuyen_doi_so', 'chi_dao', 14,
   'Số lượt tin, bài về chính quyền điện tử, chính quyền số, chuyển đổi số và dịch vụ bưu chính công ích trên các nền tảng do cơ quan quản lý (hơn)', 'lượt tin, bài', 'number'),
  ('chi_dao.chi_so_cchc_hang', 'chi_dao', 15,
   'Thứ hạng Chỉ số cải cách hành chính năm trước của cơ quan (UBND tỉnh công bố)', 'hạng', 'number'),
  ('chi_dao.chi_so_cchc_xep_loai', 'chi_dao', 16,
   'Xếp loại Chỉ số cải cách hành chính năm trước của cơ quan (UBND tỉnh công bố)', '', 'text'),

  -- B.I.2 Cải cách thể chế
  ('the_che.noi_dung_tham_muu_chuong_trinh', 'the_che', 1,
   'Số nội dung cơ quan được giao tham mưu trong chương trình công tác năm của UBND tỉnh', 'nội dung', 'number'),

  -- B.I.3 Cải cách thủ tục hành chính
  ('tthc.ho_so_tiep_nhan', 'tthc', 1,
   'Số hồ sơ TTHC thuộc thẩm quyền giải quyết của cơ quan đã tiếp nhận trong kỳ', 'hồ sơ', 'number'),
  ('tthc.ho_so_tra_ket_qua', 'tthc', 2,
   'Số hồ sơ TTHC đã trả kết quả trong kỳ', 'hồ sơ', 'number'),
  ('tthc.ty_le_giai_quyet_dung_han', 'tthc', 3,
   'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn, sớm hạn', '%', 'percent'),
  ('tthc.ty_le_tthc_truc_tuyen_toan_trinh', 'tthc', 4,
   'Tỷ lệ TTHC tiếp nhận và trả kết quả trực tuyến (dịch vụ công toàn trình)', '%', 'percent'),

  -- B.I.4 Cải cách tổ chức bộ máy
  ('to_chuc.ty_le_bo_tri_vi_tri_viec_lam', 'to_chuc', 1,
   'Tỷ lệ công chức, viên chức được bố trí vị trí việc làm đúng quy định', '%', 'percent'),
  ('to_chuc.ngach_chuyen_vien_cao_cap', 'to_chuc', 2,
   'Số công chức ngạch Chuyên viên cao cấp', 'công chức', 'number'),
  ('to_chuc.ngach_chuyen_vien_chinh', 'to_chuc', 3,
   'Số công chức ngạch Chuyên viên chính', 'công chức', 'number'),
  ('to_chuc.ngach_chuyen_vien', 'to_chuc', 4,
   'Số công chức ngạch Chuyên viên', 'công chức', 'number'),
  ('to_chuc.vien_chuc_hang_iii', 'to_chuc', 5,
   'Số viên chức hạng III và tương đương', 'viên chức', 'number'),
  ('to_chuc.vien_chuc_hang_iv', 'to_chuc', 6,
   'Số viên chức hạng IV', 'viên chức', 'number'),

  -- B.I.5 Cải cách chế độ công vụ
  ('cong_vu.cap_pho', 'cong_vu', 1,
   'Số công chức, viên chức giữ chức vụ cấp phó tại các phòng, đơn vị', 'người', 'number'),
  ('cong_vu.cap_pho_don_vi_su_nghiep', 'cong_vu', 2,
   'Số viên chức giữ chức vụ cấp phó tại đơn vị sự nghiệp công lập trực thuộc', 'người', 'number'),
  ('cong_vu.tuyen_dung_vien_chuc', 'cong_vu', 3,
   'Số viên chức được tuyển dụng trong kỳ', 'người', 'number'),
  ('cong_vu.tiep_nhan_vien_chuc', 'cong_vu', 4,
   'Số trường hợp tiếp nhận vào làm viên chức trong kỳ', 'trường hợp', 'number'),
  ('cong_vu.nang_luong_thuong_xuyen', 'cong_vu', 5,
   'Số công chức, viên chức được nâng bậc lương thường xuyên trong kỳ', 'người', 'number'),
  ('cong_vu.nang_luong_truoc_han', 'cong_vu', 6,
   'Số công chức, viên chức được nâng bậc lương trước thời hạn trong kỳ', 'người', 'number'),
  ('cong_vu.xep_luong', 'cong_vu', 7,
   'Số viên chức được xếp lương trong kỳ', 'người', 'number'),
  ('cong_vu.phu_cap_tham_nien_thanh_tra', 'cong_vu', 8,
   'Số công chức được nâng phụ cấp thâm niên nghề thanh tra trong kỳ', 'người', 'number'),
  ('cong_vu.phu_cap_tham_nien_vuot_khung', 'cong_vu', 9,
   'Số công chức được nâng phụ cấp thâm niên vượt khung trong kỳ', 'người', 'number'),
  ('cong_vu.hoan_thanh_boi_duong_quoc_phong_an_ninh', 'cong_vu', 10,
   'Số công chức, viên chức hoàn thành lớp bồi dưỡng kiến thức quốc phòng và an ninh trong kỳ', 'người', 'number'),
  ('cong_vu.hoan_thanh_boi_duong_chuc_danh_cntt', 'cong_vu', 11,
   'Số viên chức hoàn thành bồi dưỡng theo chức danh nghề nghiệp công nghệ thông tin trong kỳ', 'người', 'number'),
  ('cong_vu.hoan_thanh_boi_duong_du_nguon', 'cong_vu', 12,
   'Số công chức hoàn thành lớp bồi dưỡng cán bộ dự nguồn Ban Chấp hành Đảng bộ tỉnh trong kỳ', 'người', 'number'),
  ('cong_vu.dang_hoc_trung_cap_llct', 'cong_vu', 13,
   'Số công chức, viên chức đang học lớp Trung cấp lý luận chính trị', 'người', 'number'),
  ('cong_vu.boi_duong_khac_luot', 'cong_vu', 14,
   'Số lượt công chức, viên chức tham gia các lớp bồi dưỡng chuyên môn, nghiệp vụ khác trong kỳ (hơn)', 'lượt', 'number'),
  ('cong_vu.danh_gia_hoan_thanh_xuat_sac', 'cong_vu', 15,
   'Số công chức, viên chức được đánh giá hoàn thành xuất sắc nhiệm vụ (đánh giá năm trước)', 'người', 'number'),
  ('cong_vu.danh_gia_hoan_thanh_tot', 'cong_vu', 16,
   'Số công chức, viên chức được đánh giá hoàn thành tốt nhiệm vụ (đánh giá năm trước)', 'người', 'number'),
  ('cong_vu.bo_nhiem', 'cong_vu', 17,
   'Số công chức, viên chức được bổ nhiệm chức vụ lãnh đạo, quản lý trong kỳ', 'người', 'number'),

  -- B.I.6 Cải cách tài chính công
  ('tai_chinh.dtc_du_an_khoi_cong_moi', 'tai_chinh', 1,
   'Số dự án đầu tư công khởi công mới được giao trong năm', 'dự án', 'number'),
  ('tai_chinh.dtc_du_an_chuan_bi_dau_tu', 'tai_chinh', 2,
   'Số dự án chuẩn bị đầu tư được giao trong năm', 'dự án', 'number'),
  ('tai_chinh.dtc_ke_hoach_von', 'tai_chinh', 3,
   'Tổng kế hoạch vốn đầu tư công được giao trong năm', 'triệu đồng', 'number'),
  ('tai_chinh.dtc_von_du_an_moi', 'tai_chinh', 4,
   'Vốn đầu tư công được giao cho dự án thực hiện đầu tư mới', 'triệu đồng', 'number'),
  ('tai_chinh.dtc_moc_giai_ngan_quy_2', 'tai_chinh', 5,
   'Tỷ lệ giải ngân vốn đầu tư công phải đạt đến hết quý II (chỉ thị của UBND tỉnh)', '%', 'percent'),
  ('tai_chinh.dtc_moc_giai_ngan_quy_3', 'tai_chinh', 6,
   'Tỷ lệ giải ngân vốn đầu tư công phải đạt đến hết quý III (chỉ thị của UBND tỉnh)', '%', 'percent'),
  ('tai_chinh.dtc_moc_giai_ngan_30_11', 'tai_chinh', 7,
   'Tỷ lệ giải ngân vốn đầu tư công phải đạt đến ngày 30 tháng 11 (chỉ thị của UBND tỉnh)', '%', 'percent'),
  ('tai_chinh.dtc_cam_ket_giai_ngan_ca_nam', 'tai_chinh', 8,
   'Tỷ lệ giải ngân kế hoạch vốn đầu tư công cơ quan bảo đảm cả năm', '%', 'percent'),
  ('tai_chinh.dien_tich_dat', 'tai_chinh', 9,
   'Diện tích đất trụ sở (khuôn viên) của cơ quan', 'm2', 'number'),
  ('tai_chinh.dien_tich_xay_dung', 'tai_chinh', 10,
   'Diện tích xây dựng trụ sở của cơ quan (lưu dạng văn bản: báo cáo in dấu chấm thập phân, "969.4")', 'm2', 'text'),
  ('tai_chinh.dien_tich_san', 'tai_chinh', 11,
   'Diện tích sàn trụ sở của cơ quan', 'm2', 'number'),
  ('tai_chinh.nguyen_gia_nha', 'tai_chinh', 12,
   'Nguyên giá nhà (tài sản công của cơ quan)', 'nghìn đồng', 'number'),
  ('tai_chinh.nguyen_gia_xe_o_to', 'tai_chinh', 13,
   'Nguyên giá xe ô tô (tài sản công của cơ quan)', 'nghìn đồng', 'number'),
  ('tai_chinh.so_xe_o_to', 'tai_chinh', 14,
   'Số xe ô tô (tài sản công của cơ quan)', 'chiếc', 'number'),
  ('tai_chinh.nguyen_gia_tai_san_khac', 'tai_chinh', 15,
   'Nguyên giá tài sản cố định khác (tài sản công của cơ quan)', 'nghìn đồng', 'number'),
  ('tai_chinh.tu_chu_thu_dich_vu', 'tai_chinh', 16,
   'Số thu từ hoạt động sản xuất kinh doanh dịch vụ của đơn vị sự nghiệp công lập trong kỳ', 'đồng', 'number'),
  ('tai_chinh.tu_chu_chi_hoat_dong', 'tai_chinh', 17,
   'Số chi cho hoạt động của đơn vị sự nghiệp công lập trong kỳ', 'đồng', 'number'),
  ('tai_chinh.tu_chu_ton_dau_nam', 'tai_chinh', 18,
   'Số tồn đầu năm của đơn vị sự nghiệp công lập', 'đồng', 'number'),

  -- B.I.7 Chính quyền điện tử, chính quyền số
  ('cqs.app_di_dong_luot_tai', 'chinh_quyen_so', 1,
   'Số lượt tải ứng dụng di động dùng chung của tỉnh (hơn)', 'lượt tải', 'number'),
  ('cqs.app_di_dong_nguoi_dung', 'chinh_quyen_so', 2,
   'Tổng số người dùng ứng dụng di động dùng chung của tỉnh', 'người', 'number'),
  ('cqs.app_di_dong_nguoi_dung_hang_thang', 'chinh_quyen_so', 3,
   'Số người dùng thường xuyên hàng tháng của ứng dụng di động dùng chung', 'người', 'number'),
  ('cqs.app_di_dong_ho_so_truc_tuyen', 'chinh_quyen_so', 4,
   'Số hồ sơ trực tuyến nộp qua ứng dụng di động dùng chung', 'hồ sơ', 'number'),
  ('cqs.zalo_mini_app_nguoi_dung', 'chinh_quyen_so', 5,
   'Số người dùng Zalo mini app của tỉnh', 'người', 'number'),
  ('cqs.zalo_mini_app_nguoi_dung_hang_thang', 'chinh_quyen_so', 6,
   'Số người dùng trung bình hàng tháng của Zalo mini app của tỉnh', 'người', 'number'),
  ('cqs.zalo_mini_app_nguoi_dung_tren_65_tuoi', 'chinh_quyen_so', 7,
   'Số người dùng trên 65 tuổi của Zalo mini app của tỉnh', 'người', 'number'),
  ('cqs.ioc_bo_chi_tieu_nganh', 'chinh_quyen_so', 8,
   'Số bộ chỉ tiêu ngành đã tích hợp về Trung tâm giám sát, điều hành (IOC)', 'bộ chỉ tiêu', 'number'),
  ('cqs.camera_tap_trung', 'chinh_quyen_so', 9,
   'Số camera của hệ thống camera tập trung', 'camera', 'number'),
  ('cqs.camera_tap_trung_ai', 'chinh_quyen_so', 10,
   'Số camera AI của hệ thống camera tập trung', 'camera', 'number'),
  ('cqs.camera_tap_trung_vi_pham', 'chinh_quyen_so', 11,
   'Số trường hợp vi phạm giao thông hệ thống camera tập trung phát hiện', 'trường hợp', 'number'),
  ('cqs.camera_tap_trung_xu_phat', 'chinh_quyen_so', 12,
   'Số trường hợp vi phạm giao thông đã ra quyết định xử phạt (từ hệ thống camera tập trung)', 'trường hợp', 'number'),
  ('cqs.camera_an_ninh', 'chinh_quyen_so', 13,
   'Số camera của hệ thống camera an ninh trật tự', 'camera', 'number'),
  ('cqs.camera_an_ninh_ai', 'chinh_quyen_so', 14,
   'Số camera AI của hệ thống camera an ninh trật tự', 'camera', 'number'),
  ('cqs.camera_an_ninh_nhan_dien', 'chinh_quyen_so', 15,
   'Số trường hợp cài đặt cảnh báo nhận diện đối tượng, biển số (hơn)', 'trường hợp', 'number'),
  ('cqs.camera_an_ninh_tra_ket_qua_thang', 'chinh_quyen_so', 16,
   'Số trường hợp hệ thống trả kết quả nhận diện qua tin nhắn SMS, ứng dụng mỗi tháng (hơn)', 'trường hợp', 'number'),
  ('cqs.camera_an_ninh_trich_xuat', 'chinh_quyen_so', 17,
   'Số trường hợp trích xuất hình ảnh phục vụ truy vết đối tượng, điều tra tai nạn giao thông (hơn)', 'trường hợp', 'number'),
  ('cqs.van_ban_lien_thong', 'chinh_quyen_so', 18,
   'Tổng số văn bản điện tử trao đổi liên thông giữa các cơ quan nhà nước từ cấp tỉnh đến cấp xã', 'văn bản', 'number'),
  ('cqs.van_ban_lien_thong_nhan', 'chinh_quyen_so', 19,
   'Số văn bản điện tử nhận qua liên thông', 'văn bản', 'number'),
  ('cqs.van_ban_lien_thong_gui', 'chinh_quyen_so', 20,
   'Số văn bản điện tử gửi qua liên thông', 'văn bản', 'number'),
  ('cqs.tong_dai_phan_anh', 'chinh_quyen_so', 21,
   'Số phản ánh của người dân tiếp nhận qua tổng đài phản ánh', 'phản ánh', 'number'),
  ('cqs.tong_dai_phan_anh_da_xu_ly', 'chinh_quyen_so', 22,
   'Số phản ánh qua tổng đài đã xử lý', 'phản ánh', 'number'),
  ('cqs.tong_dai_phan_anh_dang_xu_ly', 'chinh_quyen_so', 23,
   'Số phản ánh qua tổng đài đang xử lý', 'phản ánh', 'number'),
  ('cqs.tong_dai_cuoc_goi', 'chinh_quyen_so', 24,
   'Số cuộc gọi tư vấn thủ tục hành chính, phản ánh tiếp nhận qua tổng đài', 'cuộc gọi', 'number'),
  ('cqs.tthc_dvc_mot_phan', 'chinh_quyen_so', 25,
   'Số TTHC đang cung cấp dịch vụ công trực tuyến một phần', 'TTHC', 'number'),
  ('cqs.tthc_dvc_toan_trinh', 'chinh_quyen_so', 26,
   'Số TTHC đang cung cấp dịch vụ công trực tuyến toàn trình', 'TTHC', 'number'),
  ('cqs.ho_so_thanh_toan_truc_tuyen', 'chinh_quyen_so', 27,
   'Số hồ sơ TTHC được thanh toán trực tuyến', 'hồ sơ', 'number'),
  ('cqs.tthc_nganh', 'chinh_quyen_so', 28,
   'Số thủ tục hành chính của ngành Thông tin và Truyền thông', 'thủ tục', 'number'),
  ('cqs.tthc_nganh_toan_trinh', 'chinh_quyen_so', 29,
   'Số thủ tục hành chính của ngành Thông tin và Truyền thông cung cấp dịch vụ công trực tuyến toàn trình', 'thủ tục', 'number'),
  ('cqs.ho_so_nganh_thanh_toan_truc_tuyen', 'chinh_quyen_so', 30,
   'Số hồ sơ TTHC của ngành Thông tin và Truyền thông được thanh toán trực tuyến', 'hồ sơ', 'number'),

  -- B.II Dân chủ ở cơ quan, đơn vị
  ('dan_chu.tiep_cong_dan', 'dan_chu', 1,
   'Số lượt tiếp công dân thường xuyên trong kỳ', 'lượt', 'number'),
  ('dan_chu.don_thu', 'dan_chu', 2,
   'Số đơn thư phản ánh, kiến nghị tiếp nhận trong kỳ', 'đơn thư', 'number'),
  ('dan_chu.don_thu_khong_du_dieu_kien', 'dan_chu', 3,
   'Số đơn thư không đủ điều kiện xử lý', 'đơn thư', 'number'),
  ('dan_chu.don_thu_thuoc_tham_quyen', 'dan_chu', 4,
   'Số đơn thư thuộc thẩm quyền đã giải quyết', 'đơn thư', 'number');

-- ---------------------------------------------------------------------------
-- Indicator values (số liệu) for STTTT-TN, 2024-01-01..2024-07-31
-- ---------------------------------------------------------------------------

INSERT INTO indicator_value (agency_code, period_code, indicator_code, num, text) VALUES
  ('STTTT-TN', '2024-01-01..2024-07-31', 'khai_quat.phong_chuyen_mon_nghiep_vu', 4, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'khai_quat.don_vi_su_nghiep_truc_thuoc', 1, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'khai_quat.tthc_tham_quyen', 37, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'khai_quat.tthc_chu_tri_lien_thong', 0, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'khai_quat.tthc_phoi_hop_lien_thong', 0, NULL),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.co_mat_tong', 55, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.co_mat_cong_chuc', 26, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.co_mat_vien_chuc', 20, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.co_mat_hop_dong_ho_tro', 7, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.co_mat_hop_dong_ho_tro_co_quan', 4, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.co_mat_hop_dong_ho_tro_don_vi', 3, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.co_mat_hop_dong_chuyen_mon', 2, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.giao_tong', 63, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.giao_cong_chuc', 26, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.giao_vien_chuc', 20, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.giao_hop_dong_ho_tro', 7, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.giao_hop_dong_chuyen_mon', 10, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'nhan_su.chua_su_dung_hop_dong_chuyen_mon', 8, NULL),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.kien_truc_du_toan', 150000000, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.kien_truc_chao_gia_thoi_diem', NULL, '2024-07-25'),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.kien_truc_chao_gia_so_bang', 3, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.kien_truc_chao_gia_1', 303398000, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.kien_truc_chao_gia_2', 316473000, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.kien_truc_chao_gia_3', 312095000, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.tin_bai_dich_vu_cong_truc_tuyen', 50, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.ngsp_dich_vu', 17, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.ngsp_dich_vu_tich_hop_lgsp', 17, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.ngsp_dich_vu_da_khai_thac', 10, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.dti_hang_tinh_moc', 44, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.dti_so_tinh_xep_hang', 63, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.dti_hang_tinh_gan_nhat', 40, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.tin_bai_chuyen_doi_so', 180, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.chi_so_cchc_hang', 3, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao.chi_so_cchc_xep_loai', NULL, 'Tốt'),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'the_che.noi_dung_tham_muu_chuong_trinh', 5, NULL),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'tthc.ho_so_tiep_nhan', 31, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tthc.ho_so_tra_ket_qua', 31, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tthc.ty_le_giai_quyet_dung_han', 100, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tthc.ty_le_tthc_truc_tuyen_toan_trinh', 100, NULL),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc.ty_le_bo_tri_vi_tri_viec_lam', 100, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc.ngach_chuyen_vien_cao_cap', 2, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc.ngach_chuyen_vien_chinh', 7, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc.ngach_chuyen_vien', 17, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc.vien_chuc_hang_iii', 13, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc.vien_chuc_hang_iv', 7, NULL),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.cap_pho', 6, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.cap_pho_don_vi_su_nghiep', 2, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.tuyen_dung_vien_chuc', 3, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.tiep_nhan_vien_chuc', 1, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.nang_luong_thuong_xuyen', 4, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.nang_luong_truoc_han', 4, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.xep_luong', 2, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.phu_cap_tham_nien_thanh_tra', 1, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.phu_cap_tham_nien_vuot_khung', 1, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.hoan_thanh_boi_duong_quoc_phong_an_ninh', 2, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.hoan_thanh_boi_duong_chuc_danh_cntt', 12, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.hoan_thanh_boi_duong_du_nguon', 1, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.dang_hoc_trung_cap_llct', 4, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.boi_duong_khac_luot', 10, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.danh_gia_hoan_thanh_xuat_sac', 13, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.danh_gia_hoan_thanh_tot', 30, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu.bo_nhiem', 2, NULL),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dtc_du_an_khoi_cong_moi', 1, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dtc_du_an_chuan_bi_dau_tu', 2, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dtc_ke_hoach_von', 9280, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dtc_von_du_an_moi', 9000, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dtc_moc_giai_ngan_quy_2', 50, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dtc_moc_giai_ngan_quy_3', 78, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dtc_moc_giai_ngan_30_11', 85, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dtc_cam_ket_giai_ngan_ca_nam', 100, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dien_tich_dat', 1556.3, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dien_tich_xay_dung', NULL, '969.4'),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.dien_tich_san', 3075, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.nguyen_gia_nha', 7910443, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.nguyen_gia_xe_o_to', 1325050, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.so_xe_o_to', 2, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.nguyen_gia_tai_san_khac', 97485013, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.tu_chu_thu_dich_vu', 339148198, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.tu_chu_chi_hoat_dong', 311488994, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh.tu_chu_ton_dau_nam', 0, NULL),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.app_di_dong_luot_tai', 500000, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.app_di_dong_nguoi_dung', 144776, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.app_di_dong_nguoi_dung_hang_thang', 6000, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.app_di_dong_ho_so_truc_tuyen', 22407, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.zalo_mini_app_nguoi_dung', 333236, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.zalo_mini_app_nguoi_dung_hang_thang', 34000, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.zalo_mini_app_nguoi_dung_tren_65_tuoi', 15174, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.ioc_bo_chi_tieu_nganh', 19, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_tap_trung', 259, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_tap_trung_ai', 22, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_tap_trung_vi_pham', 591, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_tap_trung_xu_phat', 37, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_an_ninh', 375, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_an_ninh_ai', 60, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_an_ninh_nhan_dien', 340, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_an_ninh_tra_ket_qua_thang', 100, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.camera_an_ninh_trich_xuat', 100, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.van_ban_lien_thong', 2813493, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.van_ban_lien_thong_nhan', 2684602, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.van_ban_lien_thong_gui', 128891, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.tong_dai_phan_anh', 693, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.tong_dai_phan_anh_da_xu_ly', 675, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.tong_dai_phan_anh_dang_xu_ly', 18, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.tong_dai_cuoc_goi', 558, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.tthc_dvc_mot_phan', 673, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.tthc_dvc_toan_trinh', 949, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.ho_so_thanh_toan_truc_tuyen', 67678, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.tthc_nganh', 41, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.tthc_nganh_toan_trinh', 41, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'cqs.ho_so_nganh_thanh_toan_truc_tuyen', 23, NULL),

  ('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu.tiep_cong_dan', 1, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu.don_thu', 6, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu.don_thu_khong_du_dieu_kien', 3, NULL),
  ('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu.don_thu_thuoc_tham_quyen', 3, NULL);

-- ---------------------------------------------------------------------------
-- Narratives: the agency's own prose, Markdown; every figure is a placeholder.
-- A narrative placed after a label in the template continues that label's
-- paragraph ("- Label: <narrative>"); the others are paragraphs of their own.
-- The reporting period comes from ky.*: "{{ky.ten | hoa_dau}}" prints
-- "Từ 01/01/2024 đến 31/7/2024", "{{ky.den_ngay | ngay}}" the cut-off
-- "31/7/2024", "{{ky.nam}}" the reporting year.
-- ---------------------------------------------------------------------------

-- A. Khái quát chung của cơ quan --------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'khai_quat_to_chuc',
'Sở Thông tin và Truyền thông là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh có chức năng tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về báo chí; xuất bản, in, phát hành; phát thanh, truyền hình; thông tin điện tử; thông tin đối ngoại; thông tin cơ sở; bưu chính; viễn thông; tần số vô tuyến điện; công nghiệp công nghệ thông tin; ứng dụng công nghệ thông tin; an toàn thông tin mạng; giao dịch điện tử, chuyển đổi số tại địa phương.

Cơ cấu tổ chức của Sở Thông tin và Truyền thông hiện nay gồm có: Ban Giám đốc, {{khai_quat.phong_chuyen_mon_nghiep_vu | dem}} phòng chuyên môn, nghiệp vụ gồm: Văn phòng Sở; Thanh tra Sở; Phòng Công nghệ thông tin, Bưu chính và Viễn thông; Phòng Thông tin, Báo chí và Xuất bản và {{khai_quat.don_vi_su_nghiep_truc_thuoc | dem}} đơn vị sự nghiệp công lập trực thuộc: Trung tâm Giám sát, điều hành kinh tế, xã hội tập trung tỉnh Tây Ninh.

Tổng số cán bộ, công chức, viên chức và người lao động: {{nhan_su.co_mat_tong}} người, trong đó: công chức: {{nhan_su.co_mat_cong_chuc}} người, số lượng người làm việc trong đơn vị sự nghiệp công lập: {{nhan_su.co_mat_vien_chuc}} người, hợp đồng lao động làm công việc hỗ trợ, phục vụ: {{nhan_su.co_mat_hop_dong_ho_tro | dem}} người (trong đó {{nhan_su.co_mat_hop_dong_ho_tro_co_quan | dem}} hợp đồng lao động tại Sở, {{nhan_su.co_mat_hop_dong_ho_tro_don_vi | dem}} hợp đồng lao động tại đơn vị sự nghiệp công lập); hợp đồng lao động làm công tác chuyên môn tại đơn vị sự nghiệp công lập: {{nhan_su.co_mat_hop_dong_chuyen_mon | dem}} người.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'khai_quat_van_ban',
'theo Phụ lục đính kèm.');

-- B.I.1 Công tác chỉ đạo, điều hành CCHC ------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao_nhiem_vu',
'+ Nhiệm vụ: triển khai, duy trì, cập nhật Kiến trúc Chính quyền điện tử theo quy định (thực hiện cập nhật khi có quy định mới)

Để cập nhật Kiến trúc Chính quyền điện tử theo quy định tại Quyết định số 2568/QĐ-BTTTT ngày 29 tháng 12 năm 2023, Bộ Thông tin và Truyền thông ban hành Khung Kiến trúc Chính phủ điện tử Việt Nam, phiên bản 3.0, hướng tới Chính phủ số. Sở Thông tin và Truyền thông đã tham mưu UBND tỉnh Kế hoạch số 1368/KH-UBND ngày 10 tháng 5 năm 2024 của UBND tỉnh về Chuyển đổi số và đảm bảo an toàn thông tin mạng tỉnh Tây Ninh năm 2024. Trong đó, tại Phụ lục 1 có hạng mục số thứ tự II.2 “Xây dựng kiến trúc chính quyền điện tử hướng tới chính quyền số tỉnh Tây Ninh phiên bản 3.0” với dự toán năm {{ky.nam}} là {{chi_dao.kien_truc_du_toan | so}} đồng.

Ngày 15 tháng 7 năm 2024, Sở Thông tin và Truyền thông đã thông báo mời chào giá tư vấn Xây dựng kiến trúc Chính quyền điện tử hướng tới Chính quyền số tỉnh Tây Ninh phiên bản 3.0 (Thông báo số 1355/TB-STTTT ngày 15 tháng 7 năm 2024 đã được đăng trên Cổng thông tin điện tử của Sở và Báo Tây Ninh).

Đến {{chi_dao.kien_truc_chao_gia_thoi_diem | ngay_dai}}, Sở Thông tin và Truyền thông đã nhận được {{chi_dao.kien_truc_chao_gia_so_bang | dem}} bảng chào giá của Trung tâm Công nghệ số quốc gia (chào giá {{chi_dao.kien_truc_chao_gia_1 | so}} đồng), Công ty Cổ phần tư vấn đào tạo và phát triển công nghệ PTV (chào giá {{chi_dao.kien_truc_chao_gia_2 | so}} đồng), Công ty Cổ phần Công nghệ số 4.0 An Hoàng Minh (báo giá {{chi_dao.kien_truc_chao_gia_3 | so}} đồng). Tuy nhiên, số tiền chào giá của các đơn vị cao hơn dự toán năm {{ky.nam}} đã được phân bổ. Sở Thông tin và Truyền thông gửi Sở Tài chính xem xét có ý kiến để có cơ sở xin chủ trương thực hiện của UBND tỉnh về việc điều chỉnh tăng dự toán kinh phí hạng mục “Xây dựng kiến trúc chính quyền điện tử hướng tới chính quyền số tỉnh Tây Ninh phiên bản 3.0”. Sở đang tiến hành thực hiện các bước theo quy định.

+ Nhiệm vụ: tổ chức tập huấn chuyên đề về CCHC

Hiện nay, Sở đang xây dựng Kế hoạch bồi dưỡng, tập huấn kỹ năng số cho công chức, viên chức, người lao động về chuyển đổi số, trong đó lồng ghép tập huấn chuyên đề về CCHC (lĩnh vực Xây dựng và phát triển Chính quyền điện tử, chính quyền số).

+ Nhiệm vụ: Tăng cường tuyên truyền, hướng dẫn người dân biết sử dụng dịch vụ công trực tuyến nhằm tăng tỷ lệ giải quyết thủ tục hành chính trực tuyến

Sở Thông tin và Truyền thông đã thực hiện thông tin, tuyên truyền trên các nền tảng do Sở quản lý như: Cổng thông tin điện tử của Sở, OA Zalo 1022, Fanpage 1022 Tây Ninh, Cổng thông tin Phản ánh hiện trường 1022 Tây Ninh đăng tải hơn {{chi_dao.tin_bai_dich_vu_cong_truc_tuyen}} lượt tin, bài. Nội dung gồm: Tây Ninh triển khai 42 mô hình của Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030"; công bố Danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình và Danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến một phần trên địa bàn tỉnh Tây Ninh; cải cách thủ tục hành chính trong Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030; các tiện ích khi thực hiện dịch vụ công trực tuyến trong thủ tục cấp CCCD và đăng ký cư trú; cơ sở dữ liệu quốc gia về dân cư, Đề án 06 có ý nghĩa quyết định đến thành công chuyển đổi số quốc gia; công bố kết quả Bộ Chỉ số phục vụ người dân, doanh nghiệp thực hiện TTHC, dịch vụ công - Tháng 4/2024; Hướng dẫn đăng ký tài khoản trên Cổng dịch vụ công Quốc gia để tham gia vào dịch vụ công trực tuyến; khung kỹ năng số cơ bản - nền tảng học trực tuyến nâng cao kỹ năng số cơ bản cho người dân; giảm phí, lệ phí khi thực hiện thủ tục hành chính bằng dịch vụ công trực tuyến trên địa bàn tỉnh Tây Ninh; Công an tỉnh Tây Ninh: Tạm ngừng việc thu nhận hồ sơ cấp căn cước công dân gắn chíp điện tử trên địa bàn tỉnh; triển khai các biện pháp nghiệp vụ thực hiện chức năng quản lý thuế...

+ Nhiệm vụ: Tăng cường ứng dụng dữ liệu dùng chung được kết nối, sử dụng qua Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)

Hiện nay, có {{chi_dao.ngsp_dich_vu_tich_hop_lgsp}}/{{chi_dao.ngsp_dich_vu}} dịch vụ cung cấp trên nền tảng NGSP đã được tích hợp lên nền tảng LGSP của tỉnh, các hệ thống của tỉnh đã khai thác {{chi_dao.ngsp_dich_vu_da_khai_thac}}/{{chi_dao.ngsp_dich_vu}} dịch vụ. Trong thời gian tới Sở Thông tin và Truyền thông tiếp tục lên kế hoạch, phối hợp với các đơn vị liên quan khai thác sử dụng hiệu quả các dịch vụ đang được cung cấp. Tiếp tục phối hợp các đơn vị chia sẻ dữ liệu ngành tích hợp lên hệ thống IOC của tỉnh, kết nối chia sẻ thông tin qua nền tảng LGSP với các đơn vị có nhu cầu khai thác như dữ liệu ngành Công thương, Văn hóa, Giáo dục, Môi trường, Tài chính.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao_khac_phuc_chi_so',
'+ Sở Thông tin và Truyền thông thực hiện các giải pháp nhằm thúc đẩy tăng Chỉ số đánh giá chuyển đổi số (DTI)

Theo kết quả Chỉ số DTI tỉnh Tây Ninh năm 2021 hạng {{chi_dao.dti_hang_tinh_moc}}/{{chi_dao.dti_so_tinh_xep_hang}} tỉnh, thành phố. Để cải thiện vị trí xếp hạng, Sở Thông tin và Truyền thông đã tham mưu UBND tỉnh ban hành Kế hoạch số 3892/KH-UBND ngày 10 tháng 11 năm 2022 thúc đẩy nâng cao Chỉ số DTI tỉnh Tây Ninh đến năm 2025, theo đó đề ra các giải phải để cải thiện các chỉ số còn hạn chế. Kết quả năm 2022, tỉnh Tây Ninh đạt hạng {{chi_dao.dti_hang_tinh_gan_nhat}}/{{chi_dao.dti_so_tinh_xep_hang}}.

Tháng 7 năm 2024, Bộ Thông tin và Truyền thông thực hiện đánh giá, thẩm định, tổng hợp kết quả và xây dựng báo cáo đánh giá mức độ chuyển đổi số của bộ, ngành, địa phương năm 2023. Tuy nhiên, hiện nay Bộ chưa công bố kết quả xếp hạng chuyển đổi số của tỉnh. Do đó, để việc đề xuất các giải pháp cải thiện chỉ số DTI của tỉnh trong thời gian tới phù hợp với chỉ tiêu của Trung ương và phù hợp với tình hình thực tế của địa phương, Sở Thông tin và Truyền thông sẽ tham mưu UBND tỉnh rà soát, đánh giá lại hoặc điều chỉnh các giải pháp đã đề ra trong Đề án cũng như Kế hoạch để cải thiện vị trí xếp hạng DTI của tỉnh sau khi Bộ Thông tin và Truyền thông công bố kết quả DTI cấp tỉnh năm 2023 (dự kiến trong tháng 8/2024).

+ Công tác tuyên truyền cải cách hành chính

Sở Thông tin và Truyền thông đã ban hành Kế hoạch số 979/KH-STTTT ngày 27 tháng 5 năm 2024 về việc tuyên truyền, nâng cao nhận thức và phổ biến kiến thức về chuyển đổi số, an toàn thông tin năm 2024. Trong đó, Sở Thông tin và Truyền thông phối hợp Báo Tây Ninh, Đài PTTH Tây Ninh, Trung tâm Văn hóa, Thể thao và Truyền thanh cấp huyện tuyên truyền, nâng cao nhận thức và phổ biến kiến thức về chuyển đối số, an toàn thông tin năm {{ky.nam}}. Đài Phát thanh và Truyền hình Tây Ninh duy trì chuyên mục tuyên truyền chuyển đổi số tại địa chỉ: https://www.youtube.com/playlist?list=PLz5yq3oJlM2YDySrG1aLQ6UGX1azB3d1i, chuyên mục an toàn thông tin tại địa chỉ: https://www.youtube.com/watch?v=3UK-Kf6Xf3g tin.

Ngoài ra, trên Cổng thông tin điện tử của Sở, OA Zalo 1022, Fanpage 1022 Tây Ninh, Cổng thông tin Phản ánh hiện trường 1022 Tây Ninh đăng tải hơn {{chi_dao.tin_bai_chuyen_doi_so}} lượt tin, bài liên quan chính quyền điện tử, chính quyền số, chuyển đổi số và hướng dẫn người dân biết sử dụng dịch vụ bưu chính công ích trong việc tiếp nhận và trả kết quả giải quyết TTHC, nội dung nổi bật gồm: UBND tỉnh Tây Ninh công bố Chỉ số cải cách hành chính đối với các sở, ban, ngành và UBND huyện, thị xã, thành phố năm 2023; Tây Ninh: Ngành Thông tin và Truyền thông năm 2024 - Thúc đẩy chuyển đổi số; thực hiện Chương trình chuyển đổi số trong xây dựng nông thôn mới, hướng tới nông thôn mới thông minh giai đoạn 2023-2025 trên địa bàn tỉnh Tây Ninh; công bố kết quả Bộ Chỉ số phục vụ người dân, doanh nghiệp thực hiện TTHC, dịch vụ công – hàng tháng; Ngành Thông tin và Truyền thông năm 2024 - Thúc đẩy chuyển đổi số; thí điểm thực hiện thanh toán trực tuyến (không dùng tiền mặt) qua Cổng Dịch vụ công Quốc gia và trả kết quả qua dịch vụ bưu chính công ích đối với một số thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Lao động – Thương binh và Xã hội; Tây Ninh: Ban hành kế hoạch cải cách hành chính năm 2024; Tây Ninh: Đẩy mạnh triển khai thi hành Luật Tiếp cận thông tin; Thực hiện Chương trình chuyển đổi số trong xây dựng nông thôn mới, hướng tới nông thôn mới thông minh giai đoạn 2023-2025 trên địa bàn tỉnh Tây Ninh; những điểm mới trong Luật Giao dịch điện tử - Cơ hội để chuyển đổi số; UBND tỉnh Tây Ninh công bố kết quả đánh giá, xếp hạng mức độ chuyển đổi số của các cơ quan nhà nước trên địa bàn tỉnh; năm 2023,triển khai thực hiện các mô hình theo nhiệm vụ của Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030” trên địa bàn tỉnh Tây Ninh; những điểm mới quan trọng của Luật Giao dịch điện tử sửa đổi; Tây Ninh triển khai 42 mô hình của Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030"; các tiện ích khi thực hiện dịch vụ công trực tuyến trong thủ tục cấp CCCD và đăng ký cư trú; cơ sở dữ liệu quốc gia về dân cư, Đề án 06 có ý nghĩa quyết định đến thành công chuyển đổi số quốc gia; 10 điểm mới của Luật Căn cước; lợi ích của việc sử dụng Hóa đơn điện tử khởi tạo từ máy tính tiền; "Khung kỹ năng số cơ bản" - Nền tảng học trực tuyến nâng cao kỹ năng số cơ bản cho người dân; “tìm hiểu pháp luật về căn cước, định danh và xác thực điện tử của Việt Nam”; chuyển đổi số là gì?; Chuyển đổi số - Tin học hóa - Công nghệ số; phổ cập tên miền quốc gia .vn để phát triển kinh tế số và xã hội số; tăng cường rà soát hoạt động cung ứng dịch vụ trung gian thanh toán đối với trò chơi điện tử trên mạng; triển khai thực hiện cấp Phiếu Lý lịch tư pháp trên ứng dụng định danh và xác thực điện tử VNeID trên địa bàn tỉnh Tây Ninh; trình tự, thủ tục cấp tài khoản định danh điện tử; quy định về dịch vụ chứng thực chữ ký số chuyên dùng công vụ; kinh nghiệm quý để định ra các cách làm chuyển đổi số hiệu quả; những điều cần biết về lộ trình tắt sóng công nghệ 2G từ nay đến năm 2026; kể từ ngày 16-9-2024, không cung cấp dịch vụ cho thiết bị đầu cuối thuê bao chỉ hỗ trợ tiêu chuẩn 2G; nâng cấp trang thông tin tingia.gov.vn và ra mắt ba kênh mạng xã hội chống tin giả; kể từ ngày 16/9/2024, hệ thống 2G sẽ ngừng phục vụ các thuê bao sử dụng máy điện thoại 2G-Only; Viettel hỗ trợ khách hàng chuyển đổi dịch vụ 4G khi tắt sóng 2G; VNNIC triển khai tính năng đo tự động trên ứng dụng i-Speed,..'),

('STTTT-TN', '2024-01-01..2024-07-31', 'chi_dao_chi_so_cchc',
'Năm 2023, Chỉ số cải cách hành chính của Sở Thông tin và Truyền thông đạt hạng {{chi_dao.chi_so_cchc_hang | la_ma}}, xếp loại {{chi_dao.chi_so_cchc_xep_loai}}. Ban Giám đốc Sở đã chỉ đạo các phòng, đơn vị thuộc và trực thuộc Sở đánh giá kết quả thực hiện công tác cải cách hành chính tại đơn vị, khắc phục tồn tại, hạn chế để thực hiện công tác cải cách hành chính tốt hơn trong thời gian tới.');

-- B.I.2 Cải cách thể chế ----------------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'the_che_chuong_trinh',
'Năm {{ky.nam}}, Sở Thông tin và Truyền thông được giao tham mưu {{the_che.noi_dung_tham_muu_chuong_trinh | dem}} nội dung, cụ thể như sau:

1/ Quyết định ban hành Quy chế quản lý, vận hành và khai thác Hệ thống camera giám sát an ninh trật tự tập trung trên địa bàn tỉnh Tây Ninh

+ Thời gian quy định trình: tháng 7 năm 2024.

+ Tiến độ thực hiện: đã trình UBND tỉnh tại Tờ trình 1512/TTr-STTTT ngày 01 tháng 8 năm 2024.

2/ Quyết định ban hành Quy chế khai thác, sử dụng dữ liệu của cơ sở dữ liệu tỉnh Tây Ninh

+ Thời gian quy định trình: tháng 7 năm 2024.

+ Tiến độ thực hiện: đã trình UBND tỉnh tại Tờ trình 1501/TTr-STTTT ngày 31 tháng 7 năm 2024.

3/ Quyết định ban hành Quy chế quản lý, vận hành và sử dụng Hệ thống tiếp nhận và xử lý phản ánh, kiến nghị

+ Thời gian quy định trình: tháng 7 năm 2024.

+ Tiến độ thực hiện: đã trình UBND tỉnh tại Tờ trình số 1567/TTr-STTTT ngày 09 tháng 8 năm 2024.

4/ Quyết định ban hành Quy chế quản lý, vận hành kết nối bảo đảm an toàn thông tin và sử dụng Mạng truyền số liệu chuyên dùng trên địa bàn tỉnh Tây Ninh (thay thế Quyết định số 27/2013/QĐ-UBND ngày 20 tháng 6 năm 2013 của UBND tỉnh ban hành Quy chế quản lý, vận hành và sử dụng Mạng truyền số liệu chuyên dùng của UBND tỉnh).

+ Thời gian quy định trình: tháng 7 năm 2024.

+ Tiến độ thực hiện: đã trình UBND tỉnh tại Tờ trình 1467/TTr-STTTT ngày 29 tháng 7 năm 2024.

5/ Quyết định ban hành Định mức kinh tế kỹ thuật và đơn giá dịch vụ sự nghiệp công sử dụng ngân sách nhà nước thuộc lĩnh vực Công nghệ thông tin, an toàn thông tin mạng trên địa bàn tỉnh

+ Thời gian quy định trình: tháng 9 năm 2024.

+ Tiến độ thực hiện: đang xây dựng dự thảo.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'the_che_ra_soat',
'Sở Thông tin và Truyền thông đã thực hiện rà soát văn bản quy phạm pháp luật và gửi Sở Tư pháp theo quy định (Công văn số 385/STTTT-TTr ngày 29 tháng 02 năm 2024 về việc góp ý và đề xuất xử lý các văn bản QPPL kỳ hệ thống hóa 2019-2023, Công văn số 1546/STTTT-TTr ngày 07 tháng 8 năm 2024 về việc góp ý đối với dự thảo Quyết định bãi bỏ các quyết định của Ủy ban nhân dân tỉnh trong kỳ hệ thống hóa 2019-2023).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'the_che_pho_bien',
'Sở Thông tin và Truyền thông đã tổ chức Hội nghị triển khai các văn bản quy phạm pháp luật trong lĩnh vực thông tin và truyền thông năm {{ky.nam}} vào ngày 06 tháng 8 năm 2024.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'the_che_tu_kiem_tra',
'Sở Thông tin và Truyền thông thường xuyên tự kiểm tra văn bản quy phạm pháp luật theo quy định.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'the_che_theo_doi_thi_hanh',
'Sở Thông tin và Truyền thông triển khai thực hiện công tác theo dõi thi hành pháp luật theo kế hoạch của tỉnh, của đơn vị theo quy định. Việc thi hành các quy định pháp luật về lĩnh vực thông tin và truyền thông trên địa bàn tỉnh đã có tác động tích cực đối với đời sống kinh tế, xã hội tại địa phương, góp phần nâng cao hiệu quả phục vụ Nhân dân của các cấp chính quyền trên địa bàn tỉnh.');

-- B.I.3 Cải cách thủ tục hành chính -----------------------------------------
-- (tthc_phan_anh: none; the template prints "Không có.")

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'tthc_mot_cua',
'tiếp nhận {{tthc.ho_so_tiep_nhan}} hồ sơ; trả {{tthc.ho_so_tra_ket_qua}} hồ sơ, giải quyết {{tthc.ty_le_giai_quyet_dung_han | phantram}} hồ sơ đúng hạn, sớm hạn.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tthc_ra_soat',
'Sở Thông tin và Truyền thông đang thực hiện.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tthc_buu_chinh',
'không phát sinh hồ sơ ({{tthc.ty_le_tthc_truc_tuyen_toan_trinh}} % TTHC tiếp nhận và trả kết quả trực tuyến (dịch vụ công toàn trình)).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tthc_bo_chi_so',
'Sở Thông tin và Truyền thông thực hiện đúng quy định.');

-- B.I.4 Cải cách tổ chức bộ máy ---------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc_chuc_nang',
'Sở Thông tin và Truyền thông đã tham mưu Ủy ban nhân dân tỉnh ban hành chức năng, nhiệm vụ, quyền hạn theo quy định.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc_sap_xep',
'giữ nguyên so với năm 2021.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc_bien_che',
'+ Số liệu công chức, viên chức được giao: {{nhan_su.giao_tong}} biên chế, hợp đồng lao động, trong đó: công chức: {{nhan_su.giao_cong_chuc}} biên chế, viên chức: {{nhan_su.giao_vien_chuc}} biên chế; hợp đồng lao động hỗ trợ, phục vụ: {{nhan_su.giao_hop_dong_ho_tro | dem}} lao động; hợp đồng lao động làm công tác chuyên môn, nghiệp vụ: {{nhan_su.giao_hop_dong_chuyen_mon}} lao động; số công chức, viên chức, hợp đồng lao động có mặt đến {{ky.den_ngay | ngay}}: {{nhan_su.co_mat_tong}} biên chế, hợp đồng lao động, trong đó: {{nhan_su.co_mat_cong_chuc}} công chức, {{nhan_su.co_mat_vien_chuc}} viên chức, {{nhan_su.co_mat_hop_dong_ho_tro | dem}} hợp đồng lao động hỗ trợ, phục vụ, {{nhan_su.co_mat_hop_dong_chuyen_mon | dem}} hợp đồng lao động làm công tác chuyên môn, nghiệp vụ (làm việc tại đơn vị sự nghiệp công lập); số lượng công chức, viên chức, hợp đồng chưa sử dụng: {{nhan_su.chua_su_dung_hop_dong_chuyen_mon | dem}} hợp đồng lao động làm công tác chuyên môn, nghiệp vụ, lý do: đơn vị sự nghiệp không bảo đảm kinh phí để chi trả lương.

+ Tinh giản biên chế: do phát sinh nhiệm vụ mới về công tác chuyển đổi số nên Sở Thông tin và Truyền thông, đơn vị sự nghiệp công lập trực thuộc Sở chưa thực hiện được việc tinh giản biên chế.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc_vi_tri_viec_lam',
'+ Sở Thông tin và Truyền thông đã tham mưu Ủy ban nhân dân tỉnh phê duyệt Đề án vị trí việc làm của cơ quan và phê duyệt Đề án vị trí việc làm của đơn vị sự nghiệp công lập trực thuộc Sở. {{to_chuc.ty_le_bo_tri_vi_tri_viec_lam | phantram}} công chức, viên chức được bố trí vị trí việc làm đúng quy định, đáp ứng nhu cầu công tác.

+ Sở Thông tin và Truyền thông thực hiện đúng quy định về cơ cấu ngạch công chức, mã số, hạng chức danh, cơ cấu ngạch viên chức được giao: đến {{ky.den_ngay | ngay}}, Sở có {{to_chuc.ngach_chuyen_vien_cao_cap | dem}} công chức ngạch Chuyên viên cao cấp, {{to_chuc.ngach_chuyen_vien_chinh | dem}} công chức ngạch Chuyên viên chính, {{to_chuc.ngach_chuyen_vien}} công chức ngạch Chuyên viên; {{to_chuc.vien_chuc_hang_iii}} viên chức hạng III và tương đương, {{to_chuc.vien_chuc_hang_iv}} viên chức hạng IV.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc_xep_hang',
'chưa thực hiện.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'to_chuc_phan_cap',
'Sở Thông tin và Truyền thông đã phân cấp cho Thủ trưởng đơn vị sự nghiệp quyết định bổ nhiệm các chức danh Trưởng phòng, Phó Trưởng phòng trực thuộc đơn vị sự nghiệp công lập (sau khi có ý kiến của Sở Thông tin và Truyền thông).');

-- B.I.5 Cải cách chế độ công vụ ---------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_cap_pho',
'Sở Thông tin và Truyền thông thực hiện đúng quy định, tính đến {{ky.den_ngay | ngay}}, Sở có {{cong_vu.cap_pho | dem}} công chức, viên chức cấp phó tại các phòng, đơn vị (bao gồm {{cong_vu.cap_pho_don_vi_su_nghiep | dem}} viên chức cấp phó đơn vị sự nghiệp công lập).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_tuyen_dung',
'Sở tuyển dụng {{cong_vu.tuyen_dung_vien_chuc | dem}} viên chức, không phát sinh việc thăng hạng viên chức trong đơn vị sự nghiệp công lập.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_tiep_nhan',
'{{cong_vu.tiep_nhan_vien_chuc | dem}} trường hợp (chuyển công chức sang viên chức).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_chuyen_doi_vi_tri',
'Sở Thông tin và Truyền thông xây dựng và triển khai thực hiện Kế hoạch chuyển đổi vị trí công tác năm 2024 (Kế hoạch số 314/KH-STTTT ngày 21 tháng 02 năm 2024).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_nang_luong',
'công chức, viên chức, người lao động bảo đảm điều kiện được nâng bậc lương thường xuyên, trước thời hạn, phụ cấp thâm niên vượt khung theo quy định, kết quả: nâng bậc lương thường xuyên: {{cong_vu.nang_luong_thuong_xuyen | dem}} công chức, viên chức; nâng bậc lương trước thời hạn: {{cong_vu.nang_luong_truoc_han | dem}} công chức, viên chức; xếp lương: {{cong_vu.xep_luong | dem}} viên chức; nâng phụ cấp thâm niên nghề thanh tra: {{cong_vu.phu_cap_tham_nien_thanh_tra | dem}} công chức; nâng phụ cấp thâm niên vượt khung: {{cong_vu.phu_cap_tham_nien_vuot_khung | dem}} công chức.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_dao_tao',
'Sở Thông tin và Truyền thông xây dựng và triển khai thực hiện Kế hoạch đào tạo, bồi dưỡng công chức, viên chức năm 2024 (Kế hoạch số 39/KH-STTTT ngày 08 tháng 01 năm 2024). Đồng thời cử công chức, viên chức tham gia các lớp đào tạo, bồi dưỡng theo văn bản của các cơ quan liên quan tổ chức và báo cáo kết quả đào tạo, bồi dưỡng theo quy định. {{ky.ten | hoa_dau}}, {{cong_vu.hoan_thanh_boi_duong_quoc_phong_an_ninh | dem}} công chức, viên chức hoàn thành lớp bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3; {{cong_vu.hoan_thanh_boi_duong_chuc_danh_cntt}} viên chức hoàn thành bồi dưỡng theo chức danh nghề nghiệp công nghệ thông tin; {{cong_vu.hoan_thanh_boi_duong_du_nguon | dem}} công chức hoàn thành lớp bồi dưỡng cán bộ dự nguồn Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025-2030; {{cong_vu.dang_hoc_trung_cap_llct | dem}} công chức, viên chức đang học Lớp Trung cấp lý luận chính trị - hệ không tập trung và hơn {{cong_vu.boi_duong_khac_luot}} lượt công chức, viên chức tham gia các lớp bồi dưỡng chuyên môn, nghiệp vụ khác.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_danh_gia',
'năm 2023, {{cong_vu.danh_gia_hoan_thanh_xuat_sac}} công chức, viên chức Sở Thông tin và Truyền thông hoàn thành xuất sắc nhiệm vụ; {{cong_vu.danh_gia_hoan_thanh_tot}} công chức, viên chức hoàn thành tốt nhiệm vụ.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_bo_nhiem',
'Đơn vị sự nghiệp công lập trực thuộc Sở bổ nhiệm chức vụ Trưởng phòng đối với {{cong_vu.bo_nhiem | dem}} viên chức.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cong_vu_kiem_tra',
'Sở Thông tin và Truyền thông đã kiện toàn Tổ Kiểm tra công vụ thường xuyên (Quyết định số 29/QĐ-STTTT ngày 12 tháng 4 năm 2024) và tổ chức kiểm tra công vụ thường xuyên, kết quả: chưa phát hiện trường hợp vi phạm.');

-- B.I.6 Cải cách tài chính công ---------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_dau_tu_cong',
'Tính đến {{ky.den_ngay | ngay}}, Sở Thông tin và Truyền thông được giao thực hiện đầu tư {{tai_chinh.dtc_du_an_khoi_cong_moi | dem}} dự án khởi công mới, chuẩn bị đầu tư {{tai_chinh.dtc_du_an_chuan_bi_dau_tu | dem}} dự án với tổng kế hoạch vốn là {{tai_chinh.dtc_ke_hoach_von | so}} triệu đồng và chưa thực hiện giải ngân. (Báo cáo số 1557/BC-STTTT ngày 08 tháng 8 năm 2024 về tình hình thực hiện và thanh toán vốn đầu tư công kế hoạch năm 2024, kỳ báo cáo: Tháng 8 (số liệu từ 01/7/2024 đến 31/7/2024)).

Nguyên nhân đơn vị chưa thực hiện giải ngân vốn đầu tư được giao:

Dự án chuẩn bị đầu tư “Xây dựng hệ thống Truyền thanh cơ sở ứng dụng công nghệ thông tin - viễn thông”: đã ký hợp đồng với đơn vị tư vấn khảo sát và lập báo cáo nghiên cứu khả thi, hiện nay đang tiến hành thực hiện khảo sát, dự kiến sẽ trình thẩm định, phê duyệt báo cáo nghiên cứu khả thi và giải ngân vốn chuẩn bị đầu tư vào quý IV/2024.

Dự án chuẩn bị đầu tư “Nâng cấp mở rộng hệ thống lưu trữ, sao lưu dữ liệu đảm bảo an toàn thông tin”: đã trình phê duyệt điều chỉnh chủ trương đầu tư dự án, sau khi được duyệt đơn vị sẽ gấp rút thực hiện các bước tiếp theo, dự kiến sẽ trình thẩm định, phê duyệt báo cáo nghiên cứu khả thi và giải ngân vốn chuẩn bị đầu tư vào quý IV/2024.

Dự án thực hiện đầu tư mới “Xây dựng kho dữ liệu dùng chung tập trung của tỉnh (data warehouse)”: đơn vị vừa được giao vốn {{tai_chinh.dtc_von_du_an_moi | so}} triệu đồng trong tháng 7/2024 (Quyết định số 1300/QĐ-UBND ngày 03 tháng 7 năm 2024 của UBND tỉnh). Sở Thông tin và Truyền thông đã ký hợp đồng với các đơn vị tư vấn lập hồ sơ mời thầu và đánh giá hồ sơ dự thầu, tư vấn thẩm định hồ sơ mời thầu và thẩm định kết quả lựa chọn nhà thầu. Hiện nay đang tiến hành lập và thẩm định hồ sơ mời thầu, dự kiến sẽ lựa chọn nhà thầu thực hiện và giải ngân các chi phí tư vấn vào cuối tháng 9/2024 và giải ngân hết số vốn được giao vào cuối năm {{ky.nam}}.

Do đặc thù của các dự án được giao năm {{ky.nam}}, đối với {{tai_chinh.dtc_du_an_chuan_bi_dau_tu | dem}} dự án chuẩn bị đầu tư khi được phê duyệt đầu tư thì mới có thể giải ngân vốn chuẩn bị đầu tư, đối với dự án đầu tư mới là dự án đầu tư xây dựng một phần mềm nội bộ nên sau khi nghiệm thu hoàn thành thì mới có thể giải ngân vốn, không phân kỳ thanh toán. Vì vậy, trong năm {{ky.nam}} Sở Thông tin và Truyền thông sẽ không hoàn thành giải ngân kế hoạch vốn đầu tư theo từng mốc thời gian mà Chỉ thị 04/CT-UBND ngày 27 tháng 3 năm 2023 của UBND tỉnh đã đề ra: đến hết quý II đạt {{tai_chinh.dtc_moc_giai_ngan_quy_2 | phantram}}; đến hết quý III đạt {{tai_chinh.dtc_moc_giai_ngan_quy_3 | phantram}}; đến ngày 30 tháng 11 đạt {{tai_chinh.dtc_moc_giai_ngan_30_11 | phantram}} kế hoạch được giao, mà chỉ bảo đảm cả năm giải ngân {{tai_chinh.dtc_cam_ket_giai_ngan_ca_nam | phantram}} kế hoạch được giao.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_thanh_tra',
'đã thực hiện Công văn số 162/UBND-KT ngày 19 tháng 01 năm 2023 của Ủy ban nhân dân tỉnh về việc thực hiện chế độ báo cáo định kỳ kết quả thực hiện kiến nghị của sau thanh tra, kiểm toán nhà nước về tài chính, ngân sách trên địa bàn tỉnh (Công văn số 456/STTTT-VP ngày 12 tháng 3 năm 2024 về việc báo cáo định kỳ kết quả thực hiện kiến nghị của sau thanh tra, kiểm toán nhà nước về tài chính, ngân sách trên địa bàn tỉnh).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_nha_dat',
'Sở Thông tin và Truyền thông có diện tích đất là {{tai_chinh.dien_tich_dat | so}} m2, diện tích xây dựng là {{tai_chinh.dien_tich_xay_dung}} m2, diện tích sàn là {{tai_chinh.dien_tich_san | so}} m2 (Công văn số 363/STTTT-VP ngày 17 tháng 3 năm 2022 về việc rà soát, sắp xếp nhà, đất trụ sở làm việc theo Nghị định số 167/2017/NĐ-CP và Nghị định số 67/2021/NĐ-CP).

Hiện nay, hiện trạng trụ sở làm việc của Sở Thông tin và Truyền thông và đơn vị sự nghiệp trực thuộc Sở phục vụ đủ nhu cầu làm việc, phù hợp với cơ cấu tổ chức của đơn vị, tiếp tục giữ lại sử dụng.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_quy_che_tai_san',
'Sở Thông tin và Truyền thông đã ban hành Quy chế chi tiêu nội bộ, Quy chế quản lý và sử dụng tài sản công Sở Thông tin và Truyền thông theo Quyết định số 162/QĐ-STTTT ngày 26 tháng 12 năm 2023.

Trung tâm Giám sát, điều hành kinh tế, xã hội tập trung đã ban hành Quy chế quản lý, sử dụng tài sản công theo Quyết định số 02a/QĐ-TTGSĐH ngày 31 tháng 01 năm 2020 về việc ban hành Quy chế quản lý và sử dụng tài sản tại Trung tâm Giám sát, điều hành kinh tế, xã hội tập trung tỉnh Tây Ninh.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_bao_cao_tai_san',
'Thực hiện báo cáo đầy đủ nội dung và đúng thời gian quy định của Luật Quản lý sử dụng tài sản công năm 2017: tình hình tăng giảm tài sản công: đất khuôn viên có diện tích là {{tai_chinh.dien_tich_dat | so 0}} m2, nhà có nguyên giá {{tai_chinh.nguyen_gia_nha | so}} nghìn đồng, xe ô tô có nguyên giá là {{tai_chinh.nguyen_gia_xe_o_to | so}} nghìn đồng ({{tai_chinh.so_xe_o_to | dem}} chiếc), tài sản cố định khác có nguyên giá là {{tai_chinh.nguyen_gia_tai_san_khac | so}} nghìn đồng.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_tu_chu',
'Năm {{ky.nam}}, Sở Thông tin và Truyền thông đã giao kinh phí bảo đảm chi hoạt động thường xuyên cho đơn vị trực thuộc là Trung tâm Giám sát, điều hành kinh tế, xã hội tập trung tỉnh để thực hiện theo chức năng, nhiệm vụ đối với đơn vị sự nghiệp do Ngân sách nhà nước đảm bảo một phần kinh phí hoạt động (sau khi đã cân đối với nguồn thu sự nghiệp) trong phạm vi thẩm quyền của Sở. {{ky.ten | hoa_dau}} Trung tâm Giám sát, điều hành kinh tế, xã hội tập trung tỉnh đã thực hiện cơ chế tự chủ theo Nghị định số 60/2021/NĐ-CP ngày 21 tháng 6 năm 2021 của Chính phủ như sau:'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_tu_chu_dich_vu',
'hoạt động dịch vụ khác như: Tư vấn Giám sát và Tư vấn quản lý dự án về lĩnh vực công nghệ thông tin, hợp đồng viết phần mềm, hợp đồng đào tạo về công nghệ thông tin, quản trị hệ thống mạng cho các cơ quan nhà nước thuộc phạm vi tỉnh Tây Ninh, cho thuê phòng máy vi tính, và các nguồn thu hợp pháp khác....do Trung tâm và đơn vị đối tác tự thỏa thuận giá để thực hiện.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_tu_chu_chi',
'Trung tâm luôn chấp hành đúng các chính sách chế độ và các quy định về tài chính. Đơn vị đã thực hiện đúng quy chế chi tiêu nội bộ được xây dựng theo Nghị định số 60/2021/NĐ-CP. Đồng thời thực hiện đúng quy định của nhà nước về các khoản thu chi ngân sách cũng như nguồn dịch vụ và nguồn thu hợp pháp khác tại đơn vị. Bên cạnh đó, Trung tâm GSĐHTT tỉnh Tây Ninh hợp đồng thêm với nhân sự bên ngoài để hỗ trợ thực hiện các công việc khác tại đơn vị cũng như cung cấp dịch vụ cho các đơn vị khác.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_tu_chu_kinh_phi',
'không có sai phạm.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'tai_chinh_tu_chu_bao_cao',
'Từ {{ky.tu_ngay | ngay_dai}} đến {{ky.den_ngay | ngay_dai}}: Đơn vị sự nghiệp công lập đã thu được số tiền từ nguồn thu hoạt động sản xuất kinh doanh dịch vụ là: {{tai_chinh.tu_chu_thu_dich_vu | so}} đồng. Chi cho hoạt động với số tiền: {{tai_chinh.tu_chu_chi_hoat_dong | so}} đồng. Số tồn đầu năm là: {{tai_chinh.tu_chu_ton_dau_nam}} đồng.');

-- B.I.7 Chính quyền điện tử, chính quyền số ---------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_the_che',
'Sở Thông tin và Truyền thông đã tham mưu UBND tỉnh ban hành các văn bản sau:

+ Kế hoạch triển khai Chiến lược An toàn, An ninh mạng quốc gia, chủ động ứng phó với các thách thức từ không gian mạng đến năm 2025, tầm nhìn 2030 (Kế hoạch số 27/KH-UBND ngày 04 tháng 01 năm 2024).

+ Kế hoạch thực hiện Đề án "Kiện toàn tổ chức bộ máy, nâng cao năng lực quản lý nhà nước và thực thi pháp luật về chuyển đổi số từ trung ương đến địa phương đến năm 2025, định hướng đến năm 2030" trên địa bàn tỉnh Tây Ninh (Kế hoạch số 423/KH-UBND ngày 07 tháng 02 năm 2024).

+ Kế hoạch chuyển đổi số và đảm bảo an toàn thông tin mạng tỉnh Tây Ninh năm 2024 (Kế hoạch số 1368/KH-UBND ngày 10 tháng 5 năm 2024).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_ha_tang',
'Trung tâm tích hợp dữ liệu hiện nay cơ bản đáp ứng được nhu cầu cung cấp dịch vụ phục vụ triển khai các ứng dụng dùng chung của tỉnh đến hết năm 2025. Tuy nhiên, với sự phát triển các nền tảng phục vụ Chính quyền số, kinh tế số, xã hội số như hiện tại, đặc biệt là công cuộc chuyển đổi số trong năm kế tiếp, Sở Thông tin và Truyền thông đã có báo cáo phối hợp Sở Kế hoạch và Đầu tư về việc để xuất điều chỉnh chủ trương đầu tư về việc nâng cấp, mở rộng hệ thống lưu trữ, sao lưu dữ liệu đảm bảo an toàn thông tin (Báo cáo số 1395/BC-STTTT ngày 19 tháng 7 năm 2024).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_nen_tang',
'Sở Thông tin và Truyền thông đang phối hợp Cục Chuyển đổi số quốc gia xây dựng Nền tảng khảo sát, thu thập ý kiến người dân đáp ứng nhu cầu khảo sát, thu thập ý kiến người dân mang tính chuyên ngành và những yêu cầu riêng của tỉnh.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_du_lieu',
'Sở Thông tin và Truyền thông đang tiến hành thực hiện dự án: Xây dựng kho dữ liệu dùng chung tập trung của tỉnh (data warehouse).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_ung_dung_noi_bo',
'hiện nay, Sở Thông tin và Truyền thông đẩy mạnh công tác triển khai các phần mềm nội bộ, dùng chung của tỉnh, nghiên cứu để các tính năng phù hợp, triển khai trên nhiều nền tảng tạo sự tiện lợi với người dùng như Hệ thống Văn phòng điện tử (eGov), Hệ thống họp không giấy, hiện đang triển khai thử nghiệm phần mềm quản lý công việc để phục vụ công tác quản lý, điều hành của lãnh đạo.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_ung_dung_nguoi_dan',
'+ Sở Thông tin và Truyền thông đã xây dựng và vận hành ứng dụng di động Tây Ninh Smart dùng chung cho người dân, doanh nghiệp, chính quyền. Tính đến {{ky.den_ngay | ngay_dai}} đã có hơn {{cqs.app_di_dong_luot_tai | so}} lượt tải ứng dụng từ hai kho ứng dụng Appstore và CHPlay; tổng số người dùng đạt {{cqs.app_di_dong_nguoi_dung | so}} người; số lượng người dùng thường xuyên hàng tháng đạt {{cqs.app_di_dong_nguoi_dung_hang_thang | so}} người; Số lượng hồ sơ trực tuyến nộp qua ứng dụng đạt {{cqs.app_di_dong_ho_so_truc_tuyen | so}} hồ sơ.

+ Đã xây dựng và vận hành Zalo mini app Tây Ninh Smart. Tính đến {{ky.den_ngay | ngay_dai}} đã có {{cqs.zalo_mini_app_nguoi_dung | so}} người dùng; Số lượng người dùng trung bình hàng tháng đạt {{cqs.zalo_mini_app_nguoi_dung_hang_thang | so}} người; số người dùng trên 65 tuổi đạt {{cqs.zalo_mini_app_nguoi_dung_tren_65_tuoi | so}} người.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_do_thi_thong_minh',
'Triển khai công tác giám sát số liệu tích hợp về Trung tâm IOC và bổ sung tích hợp các số liệu ngành phục vụ công tác chỉ đạo, điều hành. Đã tích hợp {{cqs.ioc_bo_chi_tieu_nganh}} bộ chỉ tiêu ngành và các phân hệ chỉ số chính (Kinh tế - Xã hội; Y tế; Môi trường; Hành chính công; Thu, chi ngân sách; Tình hình giải ngân vốn Đầu tư công).

Hệ thống camera tập trung (TNTRiS):

+ Tổng {{cqs.camera_tap_trung}} camera, trong đó có {{cqs.camera_tap_trung_ai}} camera AI.

+ Hỗ trợ xem camera tập trung toàn tỉnh.

+ Phát hiện {{cqs.camera_tap_trung_vi_pham}} trường hợp vi phạm giao thông (vượt đèn tín hiệu), ra quyết định xử phạt {{cqs.camera_tap_trung_xu_phat}} trường hợp.

Hệ thống camera an ninh trật tự:

+ Tổng {{cqs.camera_an_ninh}} camera, trong đó có {{cqs.camera_an_ninh_ai}} camera AI.

+ Cài đặt cảnh báo nhận diện đối tượng, nhận diện biển số hơn {{cqs.camera_an_ninh_nhan_dien}} trường hợp; hệ thống trả kết quả nhận diện qua tin nhắn SMS, ứng dụng hơn {{cqs.camera_an_ninh_tra_ket_qua_thang}} trường hợp mỗi tháng.

+ Trích xuất hình ảnh phục vụ truy vết đối tượng, điều tra tai nạn giao thông hơn {{cqs.camera_an_ninh_trich_xuat}} trường hợp.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_van_ban_dien_tu',
'kết quả thực hiện trao đổi văn bản điện tử giữa các cơ quan nhà nước từ cấp tỉnh đến cấp xã (tổng số văn bản trao đổi liên thông là {{cqs.van_ban_lien_thong | so}} văn bản, trong đó tổng văn bản nhận {{cqs.van_ban_lien_thong_nhan | so}} văn bản, tổng số văn bản gửi là {{cqs.van_ban_lien_thong_gui | so}} văn bản). Hệ thống phần mềm Văn phòng điện tử (eGov) hoạt động ổn định, bảo đảm công tác gửi nhận liên thông văn bản giữa các cơ quan trên địa bàn tỉnh, giúp cho các đơn vị có thông tin kịp thời, đạt hiệu quả trong công tác chuyên môn.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_tong_dai',
'+ Tiếp nhận {{cqs.tong_dai_phan_anh}} phản ánh, trong đó đã xử lý {{cqs.tong_dai_phan_anh_da_xu_ly}} phản ánh; đang xử lý {{cqs.tong_dai_phan_anh_dang_xu_ly}} phản ánh.

+ Tiếp nhận {{cqs.tong_dai_cuoc_goi}} cuộc gọi qua Tổng đài 1022 về việc tư vấn thông tin thủ tục hành chính và phản ánh các vấn đề bất cập trên địa bàn tỉnh.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'cqs_dich_vu_cong',
'+ Số TTHC đang cung cấp dịch vụ công trực tuyến một phần: {{cqs.tthc_dvc_mot_phan}} TTHC, dịch vụ công trực tuyến toàn trình: {{cqs.tthc_dvc_toan_trinh}} TTHC. Số lượng hồ sơ được thanh toán trực tuyến: {{cqs.ho_so_thanh_toan_truc_tuyen | so}} hồ sơ.

+ Số lượng thủ tục hành chính của ngành Thông tin và Truyền thông, trong đó {{cqs.tthc_nganh_toan_trinh}}/{{cqs.tthc_nganh}} thủ tục cung cấp dịch vụ công trực tuyến toàn trình, số hồ sơ được thanh toán trực tuyến: {{cqs.ho_so_nganh_thanh_toan_truc_tuyen}} hồ sơ.');

-- B.II Dân chủ ở cơ quan, đơn vị --------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_trien_khai',
'Sở Thông tin và Truyền thông đã tuyên truyền, triển khai Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022; Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở; Nghị định số 04/2015/NĐ-CP ngày 09 tháng 01 năm 2015 của Thủ tướng Chính phủ về thực hiện dân chủ trong hoạt động của cơ quan hành chính Nhà nước và đơn vị sự nghiệp công lập; Kế hoạch số 26-KH/BCĐ ngày 31 tháng 01 năm 2024 của Ban Chỉ đạo thực hiện quy chế dân chủ ở cơ sở và công tác vận động quần chúng về việc thực hiện dân chủ ở cơ sở năm 2024; Kế hoạch số 1385/KH-UBND ngày 11 tháng 5 năm 2023 của UBND tỉnh về triển khai thi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn tỉnh;...theo quy định.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_ban_chi_dao',
'- Sở Thông tin và Truyền thông đã kiện toàn Ban Chỉ đạo thực hiện quy chế dân chủ ở cơ sở, quy định rõ trách nhiệm của Ban Chỉ đạo tại cơ quan.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_quy_che',
'Sở Thông tin và Truyền thông đã ban hành Quy chế thực hiện dân chủ trong hoạt động của Sở Thông tin và Truyền thông Tây Ninh (Quyết định số 96/QĐ-STTTT ngày 30 tháng 9 năm 2023).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_ke_hoach',
'Sở Thông tin và Truyền thông đã xây dựng và triển khai thực hiện Kế hoạch số 314/KH-STTTT ngày 21 tháng 02 năm 2024 thực hiện dân chủ ở cơ sở năm 2024.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_giao_ban',
'hàng tháng, Sở tổ chức giao ban giữa Lãnh đạo Sở và trưởng, phó các phòng chuyên môn thuộc Sở nhằm đánh giá kết quả công tác tháng trước, những công việc đã làm được, chưa làm được, đề xuất biện pháp giải quyết và bàn bạc, thống nhất chương trình công tác tháng tiếp theo. Sau hội nghị giao ban, Văn phòng Sở tổng hợp và thông báo ý kiến kết luận của Giám đốc Sở trong hội nghị giao ban. Phân công rõ trách nhiệm và mối quan hệ giải quyết công việc của từng đồng chí lãnh đạo Sở, trách nhiệm của trưởng các phòng chuyên môn, đơn vị thuộc Sở chịu trách nhiệm trước Lãnh đạo Sở về công việc của phòng, đơn vị mình; đồng thời chỉ đạo việc thực hiện nghiêm túc nội quy, quy chế làm việc của cơ quan, đơn vị.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_hoi_nghi',
'Giám đốc Sở Thông tin và Truyền thông đã phối hợp với Công đoàn cơ quan tổ chức Hội nghị vào ngày 16 tháng 01 năm 2024 theo quy định.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_danh_gia',
'Sở Thông tin và Truyền thông thực hiện đánh giá năm 2023 đối với công chức, viên chức theo quy định, kết quả: {{cong_vu.danh_gia_hoan_thanh_xuat_sac}} công chức, viên chức hoàn thành xuất sắc nhiệm vụ; {{cong_vu.danh_gia_hoan_thanh_tot}} công chức, viên chức hoàn thành tốt nhiệm vụ.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_cong_khai',
'thực hiện những việc phải công khai để công chức, viên chức, người lao động biết như: Quy chế làm việc; rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2021-2026, xây dựng quy hoạch cán bộ nhiệm kỳ 2026-2031; Quy chế chi tiêu nội bộ; Nội quy cơ quan, tuyển dụng, đào tạo, bồi dưỡng,… phù hợp với các quy định hiện hành theo quy định tại Mục 2 Chương II của Nghị định số 04/2015/NĐ-CP.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_bao_cao',
'Sở Thông tin và Truyền thông đã báo cáo kết quả thực hiện dân chủ ở cơ sở 6 tháng đầu năm 2024 (Báo cáo số 1033/BC-STTTT ngày 31 tháng 5 năm 2024).'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_tiep_dan',
'+ Thực hiện {{dan_chu.tiep_cong_dan | dem}} lượt tiếp công dân thường xuyên. Tiếp nhận {{dan_chu.don_thu | dem}} đơn thư phản ánh, kiến nghị trong đó {{dan_chu.don_thu_khong_du_dieu_kien | dem}} đơn thư không đủ điều kiện xử lý, còn lại {{dan_chu.don_thu_thuoc_tham_quyen | dem}} đơn thuộc thẩm quyền đã giải quyết theo quy định.'),

('STTTT-TN', '2024-01-01..2024-07-31', 'dan_chu_nguoi_dung_dau',
'Giám đốc Sở luôn quan tâm thực hiện dân chủ trong quản lý và điều hành hoạt động của cơ quan; trong quản lý, sử dụng, đào tạo, bồi dưỡng, thực hiện chế độ, chính sách đối với công chức, viên chức.');

-- B.III Đánh giá chung (B.IV Đề xuất, kiến nghị: no narrative; the template
-- prints "Không có.") ----------------------------------------------------------

INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES
('STTTT-TN', '2024-01-01..2024-07-31', 'danh_gia_chung',
'Ban Giám đốc Sở Thông tin và Truyền thông luôn quan tâm chỉ đạo thực hiện công tác cải cách hành chính và dân chủ ở cơ sở tại cơ quan. Từ đó, phát huy được năng lực công tác của công chức, viên chức cơ quan, góp phần hoàn thành tốt nhiệm vụ chính trị của cơ quan. Đồng thời, phục vụ Nhân dân ngày càng tốt hơn.');
