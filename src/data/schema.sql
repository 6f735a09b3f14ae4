-- data/schema.sql: the baocao database, schema version 4.
-- Embedded into the binary at build time; `baocao db init` runs it.
-- application_id 'BCAO' marks a baocao database; user_version is the
-- schema version that data/db.c checks before reading anything.
PRAGMA application_id = 1111703887;
PRAGMA user_version = 4;

-- Cơ quan ban hành: the header's left column and the running text.
CREATE TABLE agency (
  code        TEXT PRIMARY KEY NOT NULL,  -- STTTT-TV (ASCII letters, digits, - _)
  name        TEXT NOT NULL,  -- header, capitals: SỞ THÔNG TIN VÀ TRUYỀN THÔNG
  full_name   TEXT NOT NULL,  -- running text: Sở Thông tin và Truyền thông
  parent_name TEXT,           -- cơ quan chủ quản: UBND TỈNH TRÀ VINH
  symbol      TEXT NOT NULL,  -- ký hiệu: STTTT in Số: .../BC-STTTT
  place       TEXT NOT NULL,  -- địa danh: Trà Vinh
  parent_code TEXT REFERENCES agency(code)  -- cấp trên: the province whose
                              -- report totals this agency's values (v2)
) STRICT;

-- Người ký: capacity lines, title and name for the signature block.
CREATE TABLE signer (
  id          INTEGER PRIMARY KEY,
  agency_code TEXT NOT NULL REFERENCES agency(code),
  authority   TEXT,           -- KT. GIÁM ĐỐC (several lines separated by LF)
  title       TEXT NOT NULL,  -- PHÓ GIÁM ĐỐC
  full_name   TEXT NOT NULL   -- Bùi Thông Nhứt
) STRICT;

-- Chứng thư số: which certificates may sign for which agency (v4). A row
-- binds one certificate by the SHA-256 of its public key, or every
-- certificate an issuer gives with exactly that subject; never both. The
-- two UNIQUE rules are the row's key: one agency, role and fingerprint, or
-- one agency, role, issuer and subject (a row's other binding is NULL, and
-- NULLs never collide). The same certificate may be bound to another
-- agency or role in its own row. Names are RFC 4514 as OpenSSL prints them
-- with XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB (UTF-8 kept, not \XX):
-- CN=Sở Thông tin và Truyền thông,O=UBND tỉnh Trà Vinh,C=VN.
CREATE TABLE agency_certificate (
  agency_code TEXT NOT NULL REFERENCES agency(code),
  role        TEXT NOT NULL
              CHECK (role IN ('seal', 'signer')),  -- seal: ký cơ quan (the
                              -- agency's own certificate, văn thư's token);
                              -- signer: ký người có thẩm quyền
  spki_sha256 TEXT,           -- SHA-256 of the SubjectPublicKeyInfo (DER),
                              -- 64 lowercase hex digits
  issuer      TEXT,           -- CN=Test Intermediate CA,O=Ban Co yeu,C=VN
  subject     TEXT,           -- with issuer: any certificate of that issuer
                              -- with exactly this subject
  note        TEXT,           -- USB token của văn thư, cấp 2024
  CONSTRAINT one_binding CHECK (
    (spki_sha256 IS NOT NULL AND issuer IS NULL AND subject IS NULL) OR
    (spki_sha256 IS NULL AND issuer IS NOT NULL AND subject IS NOT NULL)),
  UNIQUE (agency_code, role, spki_sha256),
  UNIQUE (agency_code, role, issuer, subject)
) STRICT;

-- Kỳ báo cáo.
CREATE TABLE period (
  code   TEXT PRIMARY KEY NOT NULL,  -- 2023-Q3, 2023-H1, 2023-9M, 2023, 2024-custom-07
  kind   TEXT NOT NULL
         CHECK (kind IN ('quarter', 'half', 'nine_months', 'year', 'custom')),
  year   INTEGER NOT NULL,
  number INTEGER,                    -- quarter 1..4, NULL otherwise
  starts TEXT NOT NULL,              -- ISO date 2023-07-01
  ends   TEXT NOT NULL,              -- ISO date 2023-09-30
  label  TEXT                        -- its own name in running text, for a
                                     -- one-off report: "từ năm 2011 đến nay",
                                     -- "giai đoạn 2016-2020"; NULL: "quý III
                                     -- năm 2023", "từ 01/01/2024 đến 31/7/2024" (v3)
) STRICT;

-- One report of one agency for one period, rendered with one template.
CREATE TABLE report (
  agency_code  TEXT NOT NULL REFERENCES agency(code),
  period_code  TEXT NOT NULL REFERENCES period(code),
  template     TEXT NOT NULL,     -- templates/<template>.md
  number       INTEGER,           -- số: NULL until the văn thư assigns it
  issued_on    TEXT,              -- 2023-09-28, or 2023-09 (day blank), or NULL
  signer_id    INTEGER REFERENCES signer(id),
  archive_unit TEXT,              -- VP in "Lưu: VT, VP."
  PRIMARY KEY (agency_code, period_code, template)
) STRICT;

-- Lĩnh vực: the areas indicators are grouped by in the phụ lục (v2).
-- An indicator whose section has no row here is grouped under its code.
CREATE TABLE section (
  code     TEXT PRIMARY KEY NOT NULL,  -- the_che (a-z 0-9 _)
  name     TEXT NOT NULL,              -- Cải cách thể chế
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Chỉ tiêu: what can be reported, with its unit.
CREATE TABLE indicator (
  code     TEXT PRIMARY KEY NOT NULL,  -- tthc.so_hoa (a-z 0-9 _ .)
  section  TEXT NOT NULL,              -- the_che, tthc, to_chuc, cong_vu, tai_chinh, chinh_quyen_so, ...
  position INTEGER NOT NULL DEFAULT 0,
  name     TEXT NOT NULL,              -- Số hồ sơ được số hóa
  unit     TEXT NOT NULL DEFAULT '',   -- hồ sơ, %, đồng
  kind     TEXT NOT NULL DEFAULT 'number'
           CHECK (kind IN ('number', 'percent', 'text', 'date'))
) STRICT;

-- Số liệu: number for number/percent, text for text, ISO date text for date.
CREATE TABLE indicator_value (
  agency_code    TEXT NOT NULL REFERENCES agency(code),
  period_code    TEXT NOT NULL REFERENCES period(code),
  indicator_code TEXT NOT NULL REFERENCES indicator(code),
  num            REAL,
  text           TEXT,
  PRIMARY KEY (agency_code, period_code, indicator_code)
) STRICT;

-- Staff-written Markdown for a section of one report.
CREATE TABLE narrative (
  agency_code TEXT NOT NULL REFERENCES agency(code),
  period_code TEXT NOT NULL REFERENCES period(code),
  key         TEXT NOT NULL,   -- chi_dao, the_che, ... (a-z 0-9 _)
  markdown    TEXT NOT NULL,
  PRIMARY KEY (agency_code, period_code, key)
) STRICT;

-- Nơi nhận, in order, without the leading "- " and the closing ";".
CREATE TABLE recipient (
  agency_code TEXT NOT NULL REFERENCES agency(code),
  template    TEXT NOT NULL,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (agency_code, template, position)
) STRICT;
