-- Vietnamese text folded for search: diacritics and case ignored ("nguyen van" finds "Nguyễn Văn").
-- translate() rather than the unaccent extension, which a managed PostgreSQL may not offer; lower() alone
-- would not lower accented capitals under the C locale.
create or replace function casework_fold(input text) returns text
    language sql immutable strict parallel safe
as $$
    select lower(translate(normalize(input, NFC), 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'))
$$;

-- Read model "case-detail": one row per case with its folded document and the columns lists filter on.
create table case_view (
    id                varchar(100) not null primary key,
    version           bigint       not null,
    type              varchar(60)  not null,
    status            varchar(30)  not null,
    committee_id      varchar(100) not null,
    subject_type      varchar(20)  not null,
    subject_org_id    varchar(100) not null,
    subject_member_id varchar(100),
    subject_name      varchar(300),
    planned_on        date         not null,
    search_text       text         not null,
    document          jsonb        not null,
    updated_at        timestamp with time zone not null
);
create index case_view_committee on case_view (committee_id);
create index case_view_member on case_view (subject_member_id);
create index case_view_planned on case_view (planned_on);

-- Open time limits, for the deadlines list.
create table case_deadline (
    case_id      varchar(100) not null,
    kind         varchar(40)  not null,
    due_on       date         not null,
    committee_id varchar(100) not null,
    rule         varchar(40)  not null,
    primary key (case_id, kind, due_on)
);
create index case_deadline_committee on case_deadline (committee_id, due_on);
