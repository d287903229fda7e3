#!/usr/bin/env python3
"""Synthetic customer messages with personal data and its exact spans, for `eval pii`.

    python3 generate.py            # writes dev.jsonl (tune here) and validation.jsonl (report only)

The two files use different seeds AND different sentence templates, so a figure on validation.jsonl
says how the detector does on wordings it was not tuned on. All values are made up: card numbers pass
Luhn, IBANs pass mod 97, phone numbers are in the ranges set aside for fiction where one exists.
"""
import json, random, string

def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(random.randint(0, 9))
    for check in range(10):
        cand = digits + [check]
        s = 0
        for i, d in enumerate(reversed(cand)):
            if i % 2 == 1:
                d *= 2
                if d > 9: d -= 9
            s += d
        if s % 10 == 0:
            return ''.join(map(str, cand))

def card():
    kind = random.choice([('4', 16), ('51', 16), ('55', 16), ('2221', 16), ('34', 15), ('37', 15), ('6011', 16), ('4', 19), ('35', 16)])
    n = luhn_complete(*kind)
    style = random.choice(['plain', 'space4', 'dash4', 'space4', 'amex'])
    if kind[1] == 15 and style != 'plain':
        return n[:4] + ' ' + n[4:10] + ' ' + n[10:]
    if style == 'plain': return n
    sep = ' ' if style in ('space4', 'amex') else '-'
    return sep.join(n[i:i+4] for i in range(0, len(n), 4))

IBAN_LEN = {'DE': 22, 'GB': 22, 'FR': 27, 'ES': 24, 'NL': 18, 'IT': 27, 'BE': 16, 'CH': 21, 'AT': 20, 'IE': 22, 'PL': 28}
def iban():
    cc = random.choice(list(IBAN_LEN))
    n = IBAN_LEN[cc] - 4
    if cc == 'GB' or cc == 'NL' or cc == 'IE':
        bban = ''.join(random.choice(string.ascii_uppercase) for _ in range(4)) + ''.join(random.choice(string.digits) for _ in range(n - 4))
    else:
        bban = ''.join(random.choice(string.digits) for _ in range(n))
    num = ''.join(str(int(c, 36)) for c in bban + cc + '00')
    check = 98 - int(num) % 97
    full = f'{cc}{check:02d}{bban}'
    if random.random() < 0.6:
        return ' '.join(full[i:i+4] for i in range(0, len(full), 4))
    return full

FIRST = ['Anna', 'James', 'Maria', 'Liam', 'Sofia', 'Noah', 'Chloé', 'Lukas', 'Aisha', 'Mateo', 'Priya', 'Oliver', 'Emma', 'Jürgen', 'Siobhan', 'Wei', 'Fatima', 'Carlos', 'Ingrid', 'Tomás']
LAST = ['Smith', 'Johnson', 'García', 'Müller', 'Dubois', 'Rossi', 'Nguyen', 'Okafor', 'Kowalski', "O'Brien", 'Patel', 'Andersson', 'van Dijk', 'Silva', 'Brown', 'Fischer']
DOMAINS = ['gmail.com', 'example.org', 'outlook.co.uk', 'mail.example.de', 'yahoo.fr', 'company.io', 'uni-hamburg.de']

def email():
    f, l = random.choice(FIRST), random.choice(LAST)
    f = f.lower().replace('é', 'e').replace('ü', 'u').replace('á', 'a')
    l = l.lower().replace(' ', '').replace("'", '').replace('í', 'i').replace('ü', 'u')
    local = random.choice([f'{f}.{l}', f'{f[0]}{l}', f'{f}{random.randint(1, 99)}', f'{f}_{l}+shop', f'{l}.{f}'])
    return f'{local}@{random.choice(DOMAINS)}'

def phone():
    r = random.randint(0, 9)
    d = lambda n: ''.join(random.choice(string.digits) for _ in range(n))
    return [
        f'+1 {random.randint(201, 989)} 555 01{d(2)}',
        f'({random.randint(201, 989)}) 555-01{d(2)}',
        f'{random.randint(201, 989)}-555-01{d(2)}',
        f'+44 20 7946 0{d(3)}',
        f'07700 900{d(3)}',
        f'+49 30 {random.randint(100, 999)} {d(5)}',
        f'+33 6 {d(2)} {d(2)} {d(2)} {d(2)}',
        f'+34 6{d(2)} {d(3)} {d(3)}',
        f'+1-{random.randint(201, 989)}-555-01{d(2)}',
        f'{random.randint(201, 989)}.555.01{d(2)}',
    ][r]

def ssn():
    a = random.choice([x for x in range(1, 899) if x != 666])
    return f'{a:03d}-{random.randint(1, 99):02d}-{random.randint(1, 9999):04d}'

def nino():
    first = random.choice('ABCEGHJKLMNOPRSTWXYZ')
    second = random.choice('ABCEGHJKLMNPRSTWXYZ')
    if first + second in ('BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'):
        first, second = 'A', 'B'
    digits = ''.join(random.choice(string.digits) for _ in range(6))
    suffix = random.choice('ABCD')
    if random.random() < 0.5:
        return f'{first}{second} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}'
    return f'{first}{second}{digits}{suffix}'

def ip():
    if random.random() < 0.8:
        return '.'.join(str(random.randint(1, 254)) for _ in range(4))
    return random.choice(['2001:db8::', 'fe80::', '2001:0db8:85a3::']) + ':'.join(f'{random.randint(0, 65535):x}' for _ in range(random.randint(1, 3)))

MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
def dob():
    y, m, day = random.randint(1940, 2004), random.randint(1, 12), random.randint(1, 28)
    return random.choice([f'{y}-{m:02d}-{day:02d}', f'{day:02d}/{m:02d}/{y}', f'{m}/{day}/{y}', f'{day} {MONTHS[m-1]} {y}',
                          f'{MONTHS[m-1]} {day}, {y}', f'{day}.{m}.{y}'])

STREETS = ['Main Street', 'Oak Avenue', 'Baker Street', 'Elm Road', 'Sunset Boulevard', 'Maple Drive', 'Church Lane', 'High Street', 'Park Place', 'Lakeview Court']
def address():
    return random.choice([
        f'{random.randint(1, 9999)} {random.choice(STREETS)}',
        f'{random.randint(1, 999)} {random.choice(STREETS)}, Apt {random.randint(1, 40)}',
        f'{random.randint(1, 999)} {random.choice(STREETS)}, Springfield, IL 627{random.randint(10, 99)}',
        f'Hauptstraße {random.randint(1, 200)}',
        f'{random.randint(1, 80)} rue de la Paix',
        f'Calle Mayor {random.randint(1, 120)}',
    ])

def name():
    return f'{random.choice(FIRST)} {random.choice(LAST)}'

GEN = {'email': email, 'phone': phone, 'card': card, 'iban': iban, 'ssn': ssn, 'nino': nino, 'ip': ip, 'dob': dob, 'address': address, 'name': name}

DEV = {
    'email': ['My email is {}.', 'Please send the invoice to {} thanks', 'can you update my address to {}?', 'I no longer use {} — use this one instead'],
    'phone': ['Call me on {} after 5pm.', 'my number: {}', 'You can reach me at {}', 'Phone {} (mobile)'],
    'card': ['I paid with card {} and it was charged twice', 'card number {} exp 09/27', 'Refund to {} please', 'The card ending... actually full number is {}'],
    'iban': ['Please refund to my account {}.', 'IBAN: {}', 'my bank details are {} (Sparkasse)', 'Transfer it to {} please'],
    'ssn': ['My SSN is {}', 'social security number {} for the tax form', 'ssn: {}'],
    'nino': ['my national insurance number is {}', 'NI number {}', 'NINO {} for the payroll'],
    'ip': ['I get blocked from {} every time', 'my IP is {}', 'login attempts from {} were not me'],
    'dob': ['date of birth {}', 'I was born on {}', 'DOB: {}'],
    'address': ['Ship it to {} please', 'my address is {}', 'I moved to {} last week'],
    'name': ['My name is {}.', 'Hi, this is {} from the Berlin office', 'Regards, {}'],
}
VALIDATION = {
    'email': ['Reach me by mail: {}', '{} is my login, I cannot get in', 'contact ({}) if there are questions'],
    'phone': ['whatsapp me {}', 'tel. {} anytime', 'The courier should ring {} when outside'],
    'card': ['charge {} instead', 'Visa {} was declined', 'why did {} get billed €49?'],
    'iban': ['send the money back to {}', 'Bank: ING, {}', 'account {}, name on account as above'],
    'ssn': ['for verification my social is {}', 'SSN {}.'],
    'nino': ['NI no. {}', 'National Insurance: {}'],
    'ip': ['server at {} is unreachable', 'visitor IP {}'],
    'dob': ['birthday {}', 'born {} in Leeds', 'd.o.b. {}'],
    'address': ['deliver to {}', 'new billing address: {}'],
    'name': ["I'm {} and I ordered a jacket", 'Mr. {} here', 'Thanks, {}'],
}

def example(templates, kinds):
    parts, spans, text = [], [], ''
    for i, kind in enumerate(kinds):
        template = random.choice(templates[kind])
        value = GEN[kind]()
        before, after = template.split('{}')
        prefix = ('' if not text else ' ') + before
        start = len(text) + len(prefix)
        text = text + prefix + value + after
        spans.append({'start': start, 'end': start + len(value), 'type': kind})
    return {'text': text, 'spans': spans}

NEGATIVE = ['Where is my order NW-10482? It was due on 2026-11-03.', 'I ordered 3 jackets for $129.99 each on 12/11/2026.',
            'Tracking number 1Z999AA10123456784 shows no movement', 'My order number is 4512 and the size is 42',
            'Version 2.4.1 of the app crashes on start', 'The meeting is at 10:30:00 tomorrow', 'Can I return it within 30 days?',
            'I need help with my password reset', 'Order #200345 was delivered to the wrong door']

def write(path, templates, seed, n):
    random.seed(seed)
    with open(path, 'w', encoding='utf-8') as out:
        for i in range(n):
            if i % 10 == 9:
                out.write(json.dumps({'text': random.choice(NEGATIVE), 'spans': []}, ensure_ascii=False) + '\n')
                continue
            kinds = random.sample(list(GEN), random.choice([1, 1, 2, 3]))
            out.write(json.dumps(example(templates, kinds), ensure_ascii=False) + '\n')

if __name__ == '__main__':
    write('dev.jsonl', DEV, 11, 400)
    write('validation.jsonl', VALIDATION, 12, 400)
