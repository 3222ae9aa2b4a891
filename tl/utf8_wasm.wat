(module
  (memory (export "mem") 1)
  ;; Transcodes well-formed UTF-8 in [p, end) to UTF-16LE at o; returns the number of UTF-16 code
  ;; units, or -1 at the first ill-formed sequence. ASCII runs and runs of two-byte characters
  ;; (Cyrillic, Greek, Arabic, …) each stay in their own inner loop.
  (func (export "utf8to16") (param $p i32) (param $end i32) (param $o i32) (result i32)
    (local $c i32) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $cp i32) (local $o0 i32) (local $w i32)
    (local.set $o0 (local.get $o))
    (block $fail
      (block $done
        (loop $top
          ;; an ASCII run: four bytes at a time, then one
          (loop $ascii
            (if (i32.le_u (i32.add (local.get $p) (i32.const 4)) (local.get $end))
              (then
                (local.set $w (i32.load (local.get $p)))
                (if (i32.eqz (i32.and (local.get $w) (i32.const 0x80808080)))
                  (then
                    (i32.store (local.get $o)
                      (i32.or (i32.and (local.get $w) (i32.const 0xff))
                              (i32.shl (i32.and (local.get $w) (i32.const 0xff00)) (i32.const 8))))
                    (i32.store offset=4 (local.get $o)
                      (i32.or (i32.and (i32.shr_u (local.get $w) (i32.const 16)) (i32.const 0xff))
                              (i32.shl (i32.shr_u (local.get $w) (i32.const 24)) (i32.const 16))))
                    (local.set $o (i32.add (local.get $o) (i32.const 8)))
                    (local.set $p (i32.add (local.get $p) (i32.const 4)))
                    (br $ascii)))))
            (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $c (i32.load8_u (local.get $p)))
            (if (i32.lt_u (local.get $c) (i32.const 0x80))
              (then
                (i32.store16 (local.get $o) (local.get $c))
                (local.set $o (i32.add (local.get $o) (i32.const 2)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $ascii))))
          ;; a run of two-byte characters
          (loop $two
            (if (i32.lt_u (i32.sub (local.get $c) (i32.const 0xc2)) (i32.const 0x1e))
              (then
                (br_if $fail (i32.ge_u (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
                (local.set $c1 (i32.load8_u offset=1 (local.get $p)))
                (br_if $fail (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80)))
                (i32.store16 (local.get $o)
                  (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x1f)) (i32.const 6))
                          (i32.and (local.get $c1) (i32.const 0x3f))))
                (local.set $o (i32.add (local.get $o) (i32.const 2)))
                (local.set $p (i32.add (local.get $p) (i32.const 2)))
                (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
                (local.set $c (i32.load8_u (local.get $p)))
                (br $two))))
          (br_if $top (i32.lt_u (local.get $c) (i32.const 0x80)))
          (br_if $fail (i32.lt_u (local.get $c) (i32.const 0xe0)))
          (if (i32.lt_u (local.get $c) (i32.const 0xf0))
            (then
              (br_if $fail (i32.ge_u (i32.add (local.get $p) (i32.const 2)) (local.get $end)))
              (local.set $c1 (i32.load8_u offset=1 (local.get $p)))
              (local.set $c2 (i32.load8_u offset=2 (local.get $p)))
              (br_if $fail (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80)))
              (br_if $fail (i32.ne (i32.and (local.get $c2) (i32.const 0xc0)) (i32.const 0x80)))
              (local.set $cp
                (i32.or (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x0f)) (i32.const 12))
                                (i32.shl (i32.and (local.get $c1) (i32.const 0x3f)) (i32.const 6)))
                        (i32.and (local.get $c2) (i32.const 0x3f))))
              (br_if $fail (i32.lt_u (local.get $cp) (i32.const 0x800)))
              (br_if $fail (i32.eq (i32.and (local.get $cp) (i32.const 0xf800)) (i32.const 0xd800)))
              (i32.store16 (local.get $o) (local.get $cp))
              (local.set $o (i32.add (local.get $o) (i32.const 2)))
              (local.set $p (i32.add (local.get $p) (i32.const 3)))
              (br $top)))
          (br_if $fail (i32.ge_u (local.get $c) (i32.const 0xf5)))
          (br_if $fail (i32.ge_u (i32.add (local.get $p) (i32.const 3)) (local.get $end)))
          (local.set $c1 (i32.load8_u offset=1 (local.get $p)))
          (local.set $c2 (i32.load8_u offset=2 (local.get $p)))
          (local.set $c3 (i32.load8_u offset=3 (local.get $p)))
          (br_if $fail (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80)))
          (br_if $fail (i32.ne (i32.and (local.get $c2) (i32.const 0xc0)) (i32.const 0x80)))
          (br_if $fail (i32.ne (i32.and (local.get $c3) (i32.const 0xc0)) (i32.const 0x80)))
          (local.set $cp
            (i32.or
              (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x07)) (i32.const 18))
                      (i32.shl (i32.and (local.get $c1) (i32.const 0x3f)) (i32.const 12)))
              (i32.or (i32.shl (i32.and (local.get $c2) (i32.const 0x3f)) (i32.const 6))
                      (i32.and (local.get $c3) (i32.const 0x3f)))))
          (br_if $fail (i32.lt_u (local.get $cp) (i32.const 0x10000)))
          (br_if $fail (i32.gt_u (local.get $cp) (i32.const 0x10ffff)))
          (i32.store16 (local.get $o) (i32.add (i32.const 0xd7c0) (i32.shr_u (local.get $cp) (i32.const 10))))
          (i32.store16 offset=2 (local.get $o) (i32.or (i32.const 0xdc00) (i32.and (local.get $cp) (i32.const 0x3ff))))
          (local.set $o (i32.add (local.get $o) (i32.const 4)))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (br $top)))
      (return (i32.shr_u (i32.sub (local.get $o) (local.get $o0)) (i32.const 1))))
    (i32.const -1)))
