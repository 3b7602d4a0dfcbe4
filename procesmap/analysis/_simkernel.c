/*
 * The hot loop of procesmap's queueing simulation, compiled: the same events, in the same order,
 * with the same floating-point operations as the reference loop in Python
 * (procesmap/analysis/simulation.py, ``_loop_python``), so both give bit-identical figures.
 *
 * Why it exists: the loop handles one event per case joining a queue, ~1 us each in Python; a
 * folder of maps simulates ~2 million of them before the first report line. Here each takes
 * ~50 ns. Nothing is decided here that the Python loop does not decide: the random numbers are
 * drawn by numpy before the loop (passed in as buffers), the figures are computed after it from
 * the samples this loop returns. tests/test_simulation_kernel.py holds the two loops equal on
 * every bundled map and on generated networks.
 *
 * Rules that keep the figures identical to Python's:
 * - doubles only, evaluated left to right as Python does; built with -ffp-contract=off (no fused
 *   multiply-add: gcc and clang, setup.py; MSVC contracts only under /fp:contract, never by default);
 * - ``divmod`` is CPython's float divmod (py_divmod below), ``bisect`` the bisect module's;
 * - a negative list index counts from the end, as in Python (py_at);
 * - the event heap is ordered by (time, sequence number), as Python orders its tuples; the
 *   sequence numbers are unique, so any correct heap pops the same order;
 * - tokens between queues are walked from one stack, last in first out, as Python's list.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define POOL 4096 /* simulation._POOL */
#define WEEK 168.0

typedef struct {
    double t;
    int64_t seq;
    int64_t code; /* -1: a new case; else the step whose queue the case joins */
    int64_t kase;
    double susp;
    int64_t ctx;
    int64_t visit;
    double dec;
    int64_t dw;
} Event;

typedef struct {
    int64_t i;
    double t;
    double susp;
    int64_t ctx;
    double dec;
    int64_t dw;
} Token;

typedef struct {
    const double *values;
    const double *pool;
    Py_ssize_t pool_len;
    int64_t visits;
    int64_t used;
} Slot;

/* ---- growable arrays ---------------------------------------------------------------------- */

typedef struct {
    void *data;
    size_t len, cap, size;
} Vec;

static int vec_reserve(Vec *v, size_t want) {
    if (want <= v->cap) return 0;
    size_t cap = v->cap ? v->cap : 64;
    while (cap < want) cap *= 2;
    void *data = realloc(v->data, cap * v->size);
    if (!data) return -1;
    v->data = data;
    v->cap = cap;
    return 0;
}

#if defined(__GNUC__)
#define HOT static inline __attribute__((always_inline))
#else
#define HOT static inline
#endif

static int vec_push(Vec *v, const void *item) {
    if (v->len == v->cap && vec_reserve(v, v->len + 1) < 0) return -1;
    memcpy((char *)v->data + v->len * v->size, item, v->size);
    v->len++;
    return 0;
}

/* typed pushes for the hot loop: a struct copy the compiler sees the size of */
HOT int push_token(Vec *v, Token item) {
    if (v->len == v->cap && vec_reserve(v, v->len + 1) < 0) return -1;
    ((Token *)v->data)[v->len++] = item;
    return 0;
}

HOT int push_double(Vec *v, double item) {
    if (v->len == v->cap && vec_reserve(v, v->len + 1) < 0) return -1;
    ((double *)v->data)[v->len++] = item;
    return 0;
}

/* ---- Python's arithmetic and bisect ------------------------------------------------------ */

/* CPython's float divmod (Objects/floatobject.c, _float_div_mod); wx is never 0 here. */
HOT void py_divmod(double vx, double wx, double *floordiv, double *modulo) {
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *modulo = mod;
}

static Py_ssize_t bisect_right(const double *a, Py_ssize_t lo, Py_ssize_t hi, double x) {
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (x < a[mid]) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

static Py_ssize_t bisect_left(const double *a, Py_ssize_t lo, Py_ssize_t hi, double x) {
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (a[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static double py_at(const double *a, Py_ssize_t n, Py_ssize_t k) { return a[k < 0 ? k + n : k]; }

/* ---- heaps -------------------------------------------------------------------------------- */

HOT int ev_less(const Event *a, const Event *b) { return a->t < b->t || (a->t == b->t && a->seq < b->seq); }

static int heap_push(Vec *h, const Event *e) {
    if (h->len == h->cap && vec_reserve(h, h->len + 1) < 0) return -1;
    Event *a = (Event *)h->data;
    size_t k = h->len++;
    Event item = *e;
    while (k > 0) {
        size_t parent = (k - 1) / 2;
        if (!ev_less(&item, &a[parent])) break;
        a[k] = a[parent];
        k = parent;
    }
    a[k] = item;
    return 0;
}

static Event heap_pop(Vec *h) {
    Event *a = (Event *)h->data;
    Event top = a[0];
    h->len--;
    if (h->len > 0) {
        Event item = a[h->len];
        size_t n = h->len, k = 0;
        for (;;) {
            size_t child = 2 * k + 1;
            if (child >= n) break;
            if (child + 1 < n && ev_less(&a[child + 1], &a[child])) child++;
            if (!ev_less(&a[child], &item)) break;
            a[k] = a[child];
            k = child;
        }
        a[k] = item;
    }
    return top;
}

/* The people of one queue: the working hour each is free, a min-heap; only the minimum is read. */
HOT void servers_replace(double *a, size_t n, double value) {
    size_t k = 0;
    for (;;) {
        size_t child = 2 * k + 1;
        if (child >= n) break;
        if (child + 1 < n && a[child + 1] < a[child]) child++;
        if (!(a[child] < value)) break;
        a[k] = a[child];
        k = child;
    }
    a[k] = value;
}

/* ---- parallel contexts: the tuple of open joins, as a tree of nodes (0: the empty tuple) ---- */

typedef struct {
    Vec parent, join; /* int64 each */
} Contexts;

static int64_t ctx_push(Contexts *c, int64_t ctx, int64_t join) {
    int64_t *parent = (int64_t *)c->parent.data, *joins = (int64_t *)c->join.data;
    for (size_t k = 1; k < c->parent.len; k++)
        if (parent[k] == ctx && joins[k] == join) return (int64_t)k;
    if (vec_push(&c->parent, &ctx) < 0 || vec_push(&c->join, &join) < 0) return -1;
    return (int64_t)c->parent.len - 1;
}

/* ---- joins waiting for their branches, by (case, step) --------------------------------------- */

typedef struct {
    int64_t key; /* case * steps + step; -1 empty, -2 deleted */
    double count, t, mine, dec;
    int64_t dw;
} JoinState;

typedef struct {
    JoinState *slots;
    size_t cap, used, filled; /* filled: live + deleted */
} Joins;

static size_t join_hash(int64_t key, size_t cap) { return (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ULL) & (cap - 1); }

static int joins_grow(Joins *j) {
    size_t cap = j->cap ? j->cap * 2 : 64;
    while (j->used * 4 >= cap) cap *= 2;
    JoinState *slots = (JoinState *)malloc(cap * sizeof(JoinState));
    if (!slots) return -1;
    for (size_t k = 0; k < cap; k++) slots[k].key = -1;
    for (size_t k = 0; k < j->cap; k++) {
        if (j->slots[k].key < 0) continue;
        size_t h = join_hash(j->slots[k].key, cap);
        while (slots[h].key != -1) h = (h + 1) & (cap - 1);
        slots[h] = j->slots[k];
    }
    free(j->slots);
    j->slots = slots;
    j->cap = cap;
    j->filled = j->used;
    return 0;
}

/* The state of (case, step), or a new slot with key set and count 0; NULL when out of memory. */
static JoinState *joins_get(Joins *j, int64_t key) {
    if ((j->filled + 1) * 2 > j->cap && joins_grow(j) < 0) return NULL;
    size_t h = join_hash(key, j->cap);
    JoinState *free_slot = NULL;
    for (;;) {
        JoinState *s = &j->slots[h];
        if (s->key == key) return s;
        if (s->key == -2 && !free_slot) free_slot = s;
        if (s->key == -1) {
            if (!free_slot) {
                free_slot = s;
                j->filled++;
            }
            free_slot->key = key;
            free_slot->count = 0.0;
            j->used++;
            return free_slot;
        }
        h = (h + 1) & (j->cap - 1);
    }
}

static void joins_delete(Joins *j, JoinState *s) {
    s->key = -2;
    j->used--;
}

/* ---- the loop ----------------------------------------------------------------------------- */

typedef struct {
    Py_buffer *buffers;
    int count, cap;
} Held;

/* A buffer of 8-byte items of the kind asked: 'd' doubles, 'q' 64-bit integers (numpy's int64 says 'l' on
 * 64-bit Linux and macOS). Held until the end of run(); a wrong kind is a TypeError, never a misread. */
static int hold(Held *held, PyObject *obj, Py_buffer **out, int writable, const char *what, char kind) {
    if (held->count == held->cap) {
        int cap = held->cap ? held->cap * 2 : 64;
        Py_buffer *b = (Py_buffer *)realloc(held->buffers, cap * sizeof(Py_buffer));
        if (!b) {
            PyErr_NoMemory();
            return -1;
        }
        held->buffers = b;
        held->cap = cap;
    }
    Py_buffer *view = &held->buffers[held->count];
    if (PyObject_GetBuffer(obj, view, (writable ? PyBUF_WRITABLE : 0) | PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
        PyErr_Format(PyExc_TypeError, "%s: a contiguous buffer is needed", what);
        return -1;
    }
    held->count++;
    const char *format = view->format ? view->format : "B";
    const char last = format[strlen(format) - 1];
    const int ok = view->itemsize == 8 && (kind == 'd' ? last == 'd' : (last == 'q' || last == 'l'));
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "%s: %s is needed, not items of format '%s'", what,
                     kind == 'd' ? "float64" : "int64", format);
        return -1;
    }
    *out = view;
    return 0;
}

static void release_all(Held *held) {
    for (int k = 0; k < held->count; k++) PyBuffer_Release(&held->buffers[k]);
    free(held->buffers);
}

#define D(view) ((double *)(view)->buf)
#define I(view) ((int64_t *)(view)->buf)
#define NLEN(view, type) ((Py_ssize_t)((view)->len / (Py_ssize_t)sizeof(type)))

HOT double draw(Slot *s, int64_t kase, int64_t visit, int *bad) {
    if (visit < s->visits) return s->values[kase * s->visits + visit];
    s->used += 1;
    Py_ssize_t at = (Py_ssize_t)(s->used % POOL);
    if (at >= s->pool_len) {
        *bad = 1;
        return 0.0;
    }
    return s->pool[at];
}

PyDoc_STRVAR(run_doc,
             "run(arrival, ints, step_table, tgt_off, tgt, cumulative, slots, servers, clock, week_hours, background,\n"
             "    window, outputs) -> (queue samples, other-wait samples): per step, its doubles as bytes\n\n"
             "The event loop of procesmap.analysis.simulation.simulate_network; see _loop_compiled there.");

static PyObject *run(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *o_arrival, *o_steps, *o_tgt_off, *o_tgt, *o_cum, *o_slots, *o_servers;
    PyObject *o_starts, *o_ends, *o_ccum, *o_bg_off, *o_bg_t, *o_bg_w, *o_bg_s;
    PyObject *o_cycle, *o_term, *o_dec_at, *o_dec_where, *o_busy;
    long long total_ll, first_ll, last_ll, start_ll, continuous_ll;
    double c_week, window_start, window_end;
    if (!PyArg_ParseTuple(args, "O(LLLLL)OOOOOO(OOOd)(OOOO)(dd)(OOOOO):run", &o_arrival, &total_ll, &first_ll,
                          &last_ll, &start_ll, &continuous_ll, &o_steps, &o_tgt_off, &o_tgt, &o_cum, &o_slots,
                          &o_servers, &o_starts, &o_ends, &o_ccum, &c_week, &o_bg_off, &o_bg_t, &o_bg_w, &o_bg_s,
                          &window_start, &window_end, &o_cycle, &o_term, &o_dec_at, &o_dec_where, &o_busy))
        return NULL;
    const int64_t total = total_ll, first = first_ll, last = last_ll, start = start_ll;
    const int continuous = continuous_ll != 0;

    Held held = {NULL, 0, 0};
    Py_buffer *b_arrival, *b_steps, *b_tgt_off, *b_tgt, *b_cum, *b_servers, *b_starts, *b_ends, *b_ccum;
    Py_buffer *b_bg_off, *b_bg_t, *b_bg_w, *b_bg_s, *b_cycle, *b_term, *b_dec_at, *b_dec_where, *b_busy;
    Slot *slots = NULL;
    double *free_at = NULL;
    int64_t *free_off = NULL, *bg_pos = NULL, *counters = NULL, *counter_off = NULL;
    Vec heap = {NULL, 0, 0, sizeof(Event)}, pending = {NULL, 0, 0, sizeof(Token)};
    Vec *q_samples = NULL, *w_samples = NULL; /* per step: its queue and other-wait samples (measured cases) */
    Py_ssize_t nsamples = 0;
    Contexts ctxs = {{NULL, 0, 0, sizeof(int64_t)}, {NULL, 0, 0, sizeof(int64_t)}};
    Joins joins = {NULL, 0, 0, 0};
    PyObject *result = NULL;
    int bad = 0;

    if (hold(&held, o_arrival, &b_arrival, 0, "arrival", 'd') < 0 || hold(&held, o_steps, &b_steps, 0, "steps", 'q') < 0 ||
        hold(&held, o_tgt_off, &b_tgt_off, 0, "tgt_off", 'q') < 0 || hold(&held, o_tgt, &b_tgt, 0, "tgt", 'q') < 0 ||
        hold(&held, o_cum, &b_cum, 0, "cumulative", 'd') < 0 || hold(&held, o_servers, &b_servers, 0, "servers", 'q') < 0 ||
        hold(&held, o_starts, &b_starts, 0, "starts", 'd') < 0 || hold(&held, o_ends, &b_ends, 0, "ends", 'd') < 0 ||
        hold(&held, o_ccum, &b_ccum, 0, "clock cumulative", 'd') < 0 || hold(&held, o_bg_off, &b_bg_off, 0, "bg_off", 'q') < 0 ||
        hold(&held, o_bg_t, &b_bg_t, 0, "bg_t", 'd') < 0 || hold(&held, o_bg_w, &b_bg_w, 0, "bg_w", 'd') < 0 ||
        hold(&held, o_bg_s, &b_bg_s, 0, "bg_s", 'd') < 0 || hold(&held, o_cycle, &b_cycle, 1, "cycle", 'd') < 0 ||
        hold(&held, o_term, &b_term, 1, "term", 'd') < 0 || hold(&held, o_dec_at, &b_dec_at, 1, "decided_at", 'd') < 0 ||
        hold(&held, o_dec_where, &b_dec_where, 1, "decided_where", 'q') < 0 || hold(&held, o_busy, &b_busy, 1, "busy", 'd') < 0)
        goto done;

    /* the step table: 7 int64 columns per step (simulation._STEP_COLUMNS) */
    const Py_ssize_t nsteps = NLEN(b_steps, int64_t) / 7;
    const Py_ssize_t nqueues = NLEN(b_servers, int64_t);
    const int64_t *st = I(b_steps);
    const int64_t *tgt_off = I(b_tgt_off), *tgt = I(b_tgt), *servers_n = I(b_servers);
    const double *cum = D(b_cum), *arrival = D(b_arrival);
    const double *c_starts = D(b_starts), *c_ends = D(b_ends), *c_cum = D(b_ccum);
    const Py_ssize_t nk = NLEN(b_starts, double);
    const int64_t *bg_off = I(b_bg_off);
    const double *bg_t = D(b_bg_t), *bg_w = D(b_bg_w), *bg_s = D(b_bg_s);
    double *cycle = D(b_cycle), *term = D(b_term), *decided_at = D(b_dec_at), *busy = D(b_busy);
    int64_t *decided_where = I(b_dec_where);
    if (NLEN(b_arrival, double) < total || NLEN(b_tgt_off, int64_t) != nsteps + 1 ||
        NLEN(b_bg_off, int64_t) != nqueues + 1 || NLEN(b_busy, double) != nqueues ||
        first < 0 || last < first || last > total || NLEN(b_cycle, double) < last - first ||
        NLEN(b_term, double) < last - first || NLEN(b_dec_at, double) < last - first ||
        NLEN(b_dec_where, int64_t) < last - first ||
        !PyList_Check(o_slots) || PyList_GET_SIZE(o_slots) != 4 * nsteps) {
        PyErr_SetString(PyExc_ValueError, "run: inconsistent sizes");
        goto done;
    }
#define S_QUEUE(i) st[7 * (i) + 0]
#define S_NEED(i) st[7 * (i) + 1]
#define S_SUSP(i) st[7 * (i) + 2]
#define S_EXT(i) st[7 * (i) + 3]
#define S_PARALLEL(i) st[7 * (i) + 4]
#define S_JOIN(i) st[7 * (i) + 5]
#define S_LOOPED(i) st[7 * (i) + 6]

    /* every index the loop follows is checked once here: a wrong plan is an error, never a crash */
    {
        const char *wrong = NULL;
        const Py_ssize_t ntgt = NLEN(b_tgt, int64_t);
        if (start < 0 || start >= nsteps) wrong = "the start step";
        if (!continuous && (nk < 1 || NLEN(b_ends, double) < nk || NLEN(b_ccum, double) < nk || !(c_week > 0)))
            wrong = "the working week of the calendar";
        for (Py_ssize_t q = 0; q < nqueues && !wrong; q++)
            if (servers_n[q] < 1) wrong = "a queue without people";
        for (Py_ssize_t i = 0; i < nsteps && !wrong; i++) {
            const int64_t lo = tgt_off[i], hi = tgt_off[i + 1];
            if (lo < 0 || hi < lo || hi > ntgt || NLEN(b_cum, double) < ntgt) wrong = "the targets of a step";
            for (int64_t m = lo; m < hi && !wrong; m++)
                if (tgt[m] < 0 || tgt[m] >= nsteps) wrong = "a target step";
            if (wrong) break;
            if (S_QUEUE(i) >= nqueues || S_QUEUE(i) < -1) wrong = "the queue of a step";
            else if (S_PARALLEL(i) && (S_JOIN(i) < 0 || S_JOIN(i) >= nsteps)) wrong = "the join of a parallel step";
            else if (!S_PARALLEL(i) && hi - lo > 1 && !(cum[hi - 1] > 1.0)) wrong = "the routing shares of a step";
        }
        if (wrong) {
            PyErr_Format(PyExc_ValueError, "run: %s is out of range", wrong);
            goto done;
        }
    }

    /* the draws: 4 slots a step (wait, lead, work, route), each None or (values, pool, visits) */
    slots = (Slot *)calloc((size_t)(4 * nsteps + 1), sizeof(Slot));
    if (!slots) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < 4 * nsteps; k++) {
        PyObject *item = PyList_GET_ITEM(o_slots, k);
        if (item == Py_None) continue;
        PyObject *o_values, *o_pool;
        long long visits;
        if (!PyArg_ParseTuple(item, "OOL:slot", &o_values, &o_pool, &visits)) goto done;
        Py_buffer *bv, *bp;
        if (hold(&held, o_values, &bv, 0, "draws", 'd') < 0 || hold(&held, o_pool, &bp, 0, "pool", 'd') < 0) goto done;
        if (visits < 1 || NLEN(bv, double) < total * visits) {
            PyErr_SetString(PyExc_ValueError, "run: too few draws");
            goto done;
        }
        slots[k].values = D(bv);
        slots[k].pool = D(bp);
        slots[k].pool_len = NLEN(bp, double);
        slots[k].visits = visits;
    }
#define WAIT_SLOT(i) (slots[4 * (i) + 0].values ? &slots[4 * (i) + 0] : NULL)
#define LEAD_SLOT(i) (slots[4 * (i) + 1].values ? &slots[4 * (i) + 1] : NULL)
#define WORK_SLOT(i) (&slots[4 * (i) + 2])
#define ROUTE_SLOT(i) (&slots[4 * (i) + 3])
    for (Py_ssize_t i = 0; i < nsteps; i++) {
        const int routes = !S_PARALLEL(i) && tgt_off[i + 1] - tgt_off[i] > 1;
        if ((S_QUEUE(i) >= 0 && !WORK_SLOT(i)->values) || (routes && !ROUTE_SLOT(i)->values)) {
            PyErr_SetString(PyExc_ValueError, "run: a queue step without work draws or a routing step without routes");
            goto done;
        }
    }

    nsamples = nsteps;
    q_samples = (Vec *)calloc((size_t)nsteps + 1, sizeof(Vec));
    w_samples = (Vec *)calloc((size_t)nsteps + 1, sizeof(Vec));
    if (!q_samples || !w_samples) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < nsteps; i++) q_samples[i].size = w_samples[i].size = sizeof(double);

    /* per queue: its people (a heap of the hour each is free), its next background job */
    free_off = (int64_t *)calloc((size_t)nqueues + 1, sizeof(int64_t));
    bg_pos = (int64_t *)calloc((size_t)nqueues + 1, sizeof(int64_t));
    if (!free_off || !bg_pos) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t q = 0; q < nqueues; q++) {
        free_off[q + 1] = free_off[q] + servers_n[q];
        bg_pos[q] = bg_off[q];
    }
    free_at = (double *)calloc((size_t)free_off[nqueues] + 1, sizeof(double));
    /* per looped step: how often each case came (counters of the Python loop) */
    counter_off = (int64_t *)malloc(((size_t)nsteps + 1) * sizeof(int64_t));
    if (!free_at || !counter_off) {
        PyErr_NoMemory();
        goto done;
    }
    int64_t looped_steps = 0;
    for (Py_ssize_t i = 0; i < nsteps; i++) counter_off[i] = S_LOOPED(i) ? total * looped_steps++ : -1;
    counters = (int64_t *)calloc((size_t)(total * looped_steps) + 1, sizeof(int64_t));
    if (!counters) {
        PyErr_NoMemory();
        goto done;
    }
    {
        int64_t root = 0;
        if (vec_push(&ctxs.parent, &root) < 0 || vec_push(&ctxs.join, &root) < 0) {
            PyErr_NoMemory();
            goto done;
        }
    }

    int64_t seq = 0;
    int oom = 0;
    if (total > 0) {
        Event e = {arrival[0], seq++, -1, 0, 0.0, 0, 0, -1.0, -1};
        oom |= heap_push(&heap, &e);
    }

    /* a token leaves step i at `leave`: push it to the step(s) that come next (the Python loop's routing) */
#define ROUTE(I_, VISIT_)                                                                       \
    do {                                                                                        \
        int64_t n_ = tgt_off[(I_) + 1] - tgt_off[(I_)];                                         \
        const int64_t *tg_ = tgt + tgt_off[(I_)];                                               \
        if (S_PARALLEL(I_)) {                                                                   \
            int64_t inner_ = ctx_push(&ctxs, ctx, S_JOIN(I_));                                  \
            if (inner_ < 0) {                                                                   \
                oom = 1;                                                                        \
                break;                                                                          \
            }                                                                                   \
            for (int64_t m_ = 0; m_ < n_; m_++) {                                               \
                Token tk_ = {tg_[m_], leave, susp, inner_, dec, dw};                            \
                oom |= push_token(&pending, tk_);                                                \
            }                                                                                   \
        } else if (n_ == 0) {                                                                   \
            Token tk_ = {-1, leave, susp, ctx, dec, dw};                                        \
            oom |= push_token(&pending, tk_);                                                    \
        } else if (n_ == 1) {                                                                   \
            Token tk_ = {tg_[0], leave, susp, ctx, dec, dw};                                    \
            oom |= push_token(&pending, tk_);                                                    \
        } else {                                                                                \
            double u_ = draw(ROUTE_SLOT(I_), kase, (VISIT_), &bad);                             \
            const double *cm_ = cum + tgt_off[(I_)];                                            \
            int64_t k_ = 0;                                                                     \
            while (u_ >= cm_[k_]) k_++;                                                         \
            Token tk_ = {tg_[k_], leave, susp, ctx, dec, dw};                                   \
            oom |= push_token(&pending, tk_);                                                    \
        }                                                                                       \
    } while (0)

    /* the loop touches no Python object (the buffers are held): other threads (serve) run meanwhile */
    Py_BEGIN_ALLOW_THREADS
    while (heap.len > 0 && !oom && !bad) {
        Event ev = heap_pop(&heap);
        double t = ev.t, susp = ev.susp, dec = ev.dec;
        int64_t kase = ev.kase, ctx = ev.ctx, visit = ev.visit, dw = ev.dw;
        const int measured = first <= kase && kase < last;
        if (ev.code == -1) { /* a new case */
            if (kase + 1 < total) {
                Event e = {arrival[kase + 1], seq++, -1, kase + 1, 0.0, 0, 0, -1.0, -1};
                oom |= heap_push(&heap, &e);
            }
            Token tk = {start, t, 0.0, 0, -1.0, -1};
            oom |= push_token(&pending, tk);
        } else { /* a case joins the queue of step `code` */
            const int64_t i = ev.code, q = S_QUEUE(i);
            double w, week, rest;
            if (continuous) {
                w = t;
            } else {
                py_divmod(t, WEEK, &week, &rest);
                Py_ssize_t k = bisect_right(c_starts, 0, nk, rest) - 1;
                if (k < 0) {
                    w = week * c_week;
                } else {
                    double inside = rest - c_starts[k];
                    double length = c_ends[k] - c_starts[k];
                    w = week * c_week + c_cum[k] + (inside < length ? inside : length);
                }
            }
            double *servers = free_at + free_off[q];
            const size_t nserv = (size_t)(free_off[q + 1] - free_off[q]);
            int64_t p = bg_pos[q];
            const int64_t bg_end = bg_off[q + 1];
            if (p < bg_end && bg_t[p] < t) { /* the background jobs that came before this case */
                int64_t end = bisect_left(bg_t, p, bg_end, t);
                for (int64_t j = p; j < end; j++) {
                    double f = servers[0], sw = bg_w[j];
                    if (f > sw) sw = f;
                    servers_replace(servers, nserv, sw + bg_s[j]);
                    if (window_start <= sw && sw < window_end) busy[q] += bg_s[j];
                }
                bg_pos[q] = end;
            }
            double f = servers[0];
            double sw = f <= w ? w : f;
            double svc = draw(WORK_SLOT(i), kase, visit, &bad);
            double done_at = sw + svc;
            servers_replace(servers, nserv, done_at);
            double begin, leave;
            if (continuous) {
                begin = sw;
                leave = done_at;
            } else {
                py_divmod(sw, c_week, &week, &rest);
                Py_ssize_t k = bisect_right(c_cum, 0, nk, rest) - 1;
                begin = week * WEEK + py_at(c_starts, nk, k) + (rest - py_at(c_cum, nk, k));
                if (svc > 0) {
                    py_divmod(done_at, c_week, &week, &rest);
                    k = bisect_left(c_cum, 0, nk, rest) - 1;
                    if (k < 0) {
                        leave = week ? (week - 1) * WEEK + c_ends[nk - 1] : c_starts[0];
                    } else {
                        leave = week * WEEK + c_starts[k] + (rest - c_cum[k]);
                    }
                } else {
                    leave = begin;
                }
            }
            Slot *ld = LEAD_SLOT(i);
            if (ld) {
                double lt = begin + draw(ld, kase, visit, &bad);
                if (lt > leave) leave = lt;
            }
            if (measured) {
                double qv = begin - t;
                oom |= push_double(&q_samples[i], qv);
            }
            if (window_start <= sw && sw < window_end) busy[q] += svc;
            if (S_SUSP(i)) susp += leave - t;
            if (S_EXT(i) && dec < 0) {
                dec = (leave - arrival[kase]) - susp;
                dw = i;
            }
            ROUTE(i, visit);
        }
        while (pending.len > 0 && !oom && !bad) { /* walk the tokens straight through, up to their next queue */
            Token tk = ((Token *)pending.data)[--pending.len];
            int64_t i = tk.i;
            t = tk.t;
            susp = tk.susp;
            ctx = tk.ctx;
            dec = tk.dec;
            dw = tk.dw;
            if (i < 0) { /* the token left a step without next */
                if (ctx) { /* a branch that ends inside a parallel block ends at its join */
                    Token to_join = {((int64_t *)ctxs.join.data)[ctx], t, susp, ctx, dec, dw};
                    oom |= push_token(&pending, to_join);
                } else if (measured) {
                    double c = t - arrival[kase];
                    cycle[kase - first] = c;
                    term[kase - first] = c - susp;
                    decided_at[kase - first] = dec;
                    decided_where[kase - first] = dw;
                }
                continue;
            }
            int64_t need = S_NEED(i);
            if (need) {
                double mine = t - arrival[kase] - susp;
                JoinState *state = joins_get(&joins, kase * (int64_t)nsteps + i);
                if (!state) {
                    oom = 1;
                    break;
                }
                if (state->count == 0.0) {
                    state->count = 1.0;
                    state->t = t;
                    state->mine = mine;
                    state->dec = dec;
                    state->dw = dw;
                } else {
                    state->count += 1.0;
                    if (t > state->t) state->t = t;
                    if (mine > state->mine) state->mine = mine;
                    if (dec >= 0 && (state->dec < 0 || dec < state->dec)) { /* the earliest verdaging */
                        state->dec = dec;
                        state->dw = dw;
                    }
                }
                if (state->count < (double)need) continue;
                t = state->t;
                susp = (t - arrival[kase]) - state->mine;
                dec = state->dec;
                dw = state->dw;
                joins_delete(&joins, state);
                ctx = ((int64_t *)ctxs.parent.data)[ctx];
            }
            if (S_LOOPED(i)) {
                int64_t *cnt = counters + counter_off[i] + kase;
                visit = *cnt;
                *cnt = visit + 1;
            } else {
                visit = 0;
            }
            Slot *wd = WAIT_SLOT(i);
            double wait = wd ? draw(wd, kase, visit, &bad) : 0.0;
            if (S_QUEUE(i) >= 0) {
                if (measured) oom |= push_double(&w_samples[i], wait);
                if (S_SUSP(i)) susp += wait;
                Event e = {t + wait, seq++, i, kase, susp, ctx, visit, dec, dw};
                oom |= heap_push(&heap, &e);
                continue;
            }
            Slot *ld = LEAD_SLOT(i);
            double leave = ld ? t + wait + draw(ld, kase, visit, &bad) : t + wait;
            if (S_SUSP(i)) susp += leave - t;
            if (S_EXT(i) && dec < 0) {
                dec = (leave - arrival[kase]) - susp;
                dw = i;
            }
            ROUTE(i, visit);
        }
    }
    Py_END_ALLOW_THREADS
    if (oom) {
        PyErr_NoMemory();
        goto done;
    }
    if (bad) {
        PyErr_SetString(PyExc_IndexError, "run: a draw beyond its pool");
        goto done;
    }
    for (Py_ssize_t q = 0; q < nqueues; q++) { /* the background jobs after the last case joined this queue */
        double *servers = free_at + free_off[q];
        const size_t nserv = (size_t)(free_off[q + 1] - free_off[q]);
        for (int64_t j = bg_pos[q]; j < bg_off[q + 1]; j++) {
            double f = servers[0], sw = bg_w[j];
            if (f > sw) sw = f;
            servers_replace(servers, nserv, sw + bg_s[j]);
            if (window_start <= sw && sw < window_end) busy[q] += bg_s[j];
        }
    }
    {
        PyObject *queued = PyList_New(nsteps), *waited = PyList_New(nsteps);
        if (queued && waited) {
            for (Py_ssize_t i = 0; i < nsteps; i++) {
                PyObject *qb = PyBytes_FromStringAndSize((char *)q_samples[i].data,
                                                         (Py_ssize_t)(q_samples[i].len * sizeof(double)));
                PyObject *wb = PyBytes_FromStringAndSize((char *)w_samples[i].data,
                                                         (Py_ssize_t)(w_samples[i].len * sizeof(double)));
                if (qb) PyList_SET_ITEM(queued, i, qb);
                if (wb) PyList_SET_ITEM(waited, i, wb);
                if (!qb || !wb) break;
            }
        }
        if (!PyErr_Occurred() && queued && waited) result = PyTuple_Pack(2, queued, waited);
        Py_XDECREF(queued);
        Py_XDECREF(waited);
    }
done:
    release_all(&held);
    free(slots);
    free(free_at);
    free(free_off);
    free(bg_pos);
    free(counters);
    free(counter_off);
    free(heap.data);
    free(pending.data);
    for (Py_ssize_t i = 0; i < nsamples; i++) {
        free(q_samples[i].data);
        free(w_samples[i].data);
    }
    free(q_samples);
    free(w_samples);
    free(ctxs.parent.data);
    free(ctxs.join.data);
    free(joins.slots);
    return result;
}

static PyMethodDef methods[] = {{"run", run, METH_VARARGS, run_doc}, {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_simkernel",
                                    "The compiled event loop of procesmap's queueing simulation.", -1, methods, NULL, NULL, NULL, NULL};

/* setup.py defines it as the SHA-256 of this file (line ends as \n): simulation.compiled_kernel() compares it
 * with the source beside the module, so a loop built from an older source is never taken for this one. */
#ifndef SOURCE_SHA256
#define SOURCE_SHA256 ""
#endif

PyMODINIT_FUNC PyInit__simkernel(void) {
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "SOURCE_SHA256", SOURCE_SHA256) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
