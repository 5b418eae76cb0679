-- Dead letters an administrator dropped for good (API.md "Operations"): who, why and what the event was, kept after
-- the letter itself is gone from dead_letter_entry.
create table dead_letter_skip (
    dead_letter_id varchar(255)             not null primary key,
    processor      varchar(255)             not null,
    case_id        varchar(255)             not null,
    event_type     varchar(255)             not null,
    global_index   bigint,
    error          text,
    skipped_by     varchar(200)             not null,
    reason         text                     not null,
    skipped_at     timestamp with time zone not null
);

-- The query nodes alive, each seen within a few claim intervals: the projections' segments are shared evenly between
-- them (SegmentBalancer; docs/OPERATIONS.md "Several nodes").
create table query_node (
    node_id   varchar(255)             not null primary key,
    last_seen timestamp with time zone not null
);
