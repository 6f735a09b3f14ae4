-- tests/data/report_type/data.sql: the data of the tests-only report type
-- "pccc" (templates/pccc.md next to it) for Sở Tư pháp, quý III năm 2023.
INSERT INTO indicator (code, section, position, name, unit, kind) VALUES
  ('pccc.so_vu', 'pccc', 1, 'Số vụ cháy', 'vụ', 'number'),
  ('pccc.kiem_tra', 'pccc', 2, 'Số cơ sở được kiểm tra', 'cơ sở', 'number'),
  ('pccc.vi_pham', 'pccc', 3, 'Số cơ sở vi phạm', 'cơ sở', 'number');
INSERT INTO indicator_value VALUES
  ('STP-TV', '2023-Q3', 'pccc.so_vu', 0, NULL),
  ('STP-TV', '2023-Q3', 'pccc.kiem_tra', 12, NULL),
  ('STP-TV', '2023-Q3', 'pccc.vi_pham', 2, NULL);
INSERT INTO report VALUES ('STP-TV', '2023-Q3', 'pccc', 160, '2023-09-30', 11, 'VP');
INSERT INTO recipient VALUES
  ('STP-TV', 'pccc', 1, 'Công an tỉnh (b/c)'),
  ('STP-TV', 'pccc', 2, 'Ban Giám đốc Sở');
INSERT INTO narrative VALUES ('STP-TV', '2023-Q3', 'pccc_nhiem_vu',
  '- Duy trì lực lượng phòng cháy, chữa cháy cơ sở.');
