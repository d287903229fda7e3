-- The built-in demo back end: Northwind Outfitters' order system, which the procedures reach over HTTP
-- as they would reach a company's own systems. Its tables are its own; nothing else reads them.
create table nw_customer (
    email      varchar(320) primary key,
    name       varchar(200) not null
);
create table nw_order (
    order_number     varchar(20) primary key,
    customer_email   varchar(320) not null references nw_customer (email),
    total            numeric(10, 2) not null,
    currency         varchar(3) not null,
    status           varchar(20) not null,
    carrier          varchar(60),
    tracking_number  varchar(60),
    shipping_address varchar(500) not null,
    placed_at        timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create table nw_gift_card (
    card_number    varchar(30) primary key,
    owner_email    varchar(320) not null references nw_customer (email),
    balance        numeric(10, 2) not null,
    currency       varchar(3) not null
);
create table nw_refund (
    id           uuid primary key,
    order_number varchar(20) not null references nw_order (order_number),
    amount       numeric(10, 2) not null,
    created_at   timestamp with time zone not null
);
create index nw_refund_by_order on nw_refund (order_number);
-- a reset token is stored as its SHA-256 only: a database leak must not reset accounts
create table nw_reset_token (
    token_hash  varchar(64) primary key,
    email       varchar(320) not null,
    expires_at  timestamp with time zone not null
);
-- What an idempotent call answered the first time: a retry with the same key gets the same answer and
-- changes nothing.
create table nw_idempotency (
    idempotency_key varchar(200) primary key,
    operation       varchar(60) not null,
    status_code     int not null,
    response        varchar(4000) not null,
    created_at      timestamp with time zone not null
);
