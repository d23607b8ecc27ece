"""Unit tests of the experiment's pure parts on synthetic data (no gateway):
/usr/bin/python3 -m unittest discover -s experiment -p 'test_*.py'"""
import contextlib
import importlib.util
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from unittest import mock

import analysis
import contention
import frames as fr
import harness
import oracle
import report
import run
import traces as tr

TOP1 = {"small": 87.0, "mid": 90.0, "big": 92.0}


def line(n, arrival_s, latency_ms, outcome="ok", level="big", items=4, correct=3, deadline=50.0):
    arrival = int(arrival_s * 1e9)
    end = None if outcome == "dropped" else arrival + int(latency_ms * 1e6)
    return json.dumps({"frame": n, "arrivalNs": arrival, "startNs": None if end is None else arrival, "endNs": end,
                       "deadlineMs": deadline, "level": None if outcome == "dropped" else level, "backend": "cpu",
                       "items": items, "correct": correct if end else 0, "outcome": outcome, "reason": None})


def camera(seconds, fps, fn):
    """Frame-log lines of a camera at fps; fn(t) -> (latency_ms, outcome, level)."""
    out = []
    for n in range(int(seconds * fps)):
        t = n / fps
        latency, outcome, level = fn(t)
        out.append(line(n, t, latency, outcome, level))
    return out


class FrameLogTest(unittest.TestCase):
    def test_parses_frames_and_skips_bad_lines(self):
        lines = [line(0, 1.0, 10), "not json", json.dumps({"outcome": "ok"}), json.dumps([1]), "",
                 line(1, 1.05, 60, "late"), line(2, 1.1, 0, "dropped")]
        frames, skipped = fr.parse(lines, offset_s=0.5)
        self.assertEqual(3, skipped)
        self.assertEqual([0.5, 0.55], [round(f.t, 2) for f in frames[:2]])
        self.assertEqual([10.0, 60.0, None], [f.latency_ms for f in frames])
        self.assertEqual([True, False, False], [f.within for f in frames])
        self.assertIsNone(frames[2].level)

    def test_stats_count_late_and_dropped_as_misses_over_frames_offered(self):
        lines = [line(i, i * 0.05, 10 + i) for i in range(6)] + [line(6, 0.3, 70, "late", "mid"),
                                                                  line(7, 0.35, 0, "dropped")]
        frames, _ = fr.parse(lines)
        s = fr.stats(frames, 2.0, TOP1)
        self.assertEqual(8, s["frames"])
        self.assertAlmostEqual(6 / 8, s["framesWithinDeadline"])
        self.assertEqual((1, 1), (s["late"], s["dropped"]))
        self.assertEqual(13.0, s["p50Ms"])
        self.assertEqual(70.0, s["p99Ms"])
        self.assertAlmostEqual(7 * 4 / 2.0, s["itemsPerSecond"])
        self.assertAlmostEqual((6 * 92.0 + 90.0) / 7, s["meanAccuracy"])
        self.assertAlmostEqual(100.0 * 21 / 28, s["streamAccuracy"])
        self.assertEqual(1, s["switches"])

    def test_empty_span_has_no_shares(self):
        s = fr.stats([], 1.0, TOP1)
        self.assertEqual(0, s["frames"])
        self.assertIsNone(s["framesWithinDeadline"])
        self.assertIsNone(s["p95Ms"])

    def test_percentile_is_nearest_rank(self):
        self.assertEqual(95, fr.percentile(list(range(1, 101)), 95))
        self.assertEqual(3, fr.percentile([3], 99))


class ReactionTest(unittest.TestCase):
    def frames(self):
        # onset at 2 s: big is late from then on until the policy moves to mid at 2.4 s
        def fn(t):
            if t < 2.0:
                return 30, "ok", "big"
            if t < 2.4:
                return 60, "late", "big"
            return 20, "ok", "mid"
        return fr.parse(camera(5, 20, fn))[0]

    def test_move_and_back_within_deadline(self):
        r = fr.reaction(self.frames(), 2.0, 5.0)
        self.assertEqual(400.0, r["moveMs"])
        self.assertEqual(400.0, r["backWithinDeadlineMs"])

    def test_no_move_and_no_recovery_within_the_phase(self):
        frames = fr.parse(camera(4, 20, lambda t: (30, "ok", "big") if t < 2 else (70, "late", "big")))[0]
        r = fr.reaction(frames, 2.0, 4.0)
        self.assertIsNone(r["moveMs"])
        self.assertIsNone(r["backWithinDeadlineMs"])

    def test_never_missed_is_back_at_once(self):
        frames = fr.parse(camera(4, 20, lambda t: (30, "ok", "big")))[0]
        self.assertEqual(0.0, fr.reaction(frames, 2.0, 4.0)["backWithinDeadlineMs"])


class TraceTest(unittest.TestCase):
    def test_old_trace_keeps_working(self):
        t = tr.normalise({"name": "c", "targetMs": 0.4, "fps": 0, "phases": [
            {"name": "idle", "seconds": 12, "hogs": 0}, {"name": "hog", "seconds": 12, "hogs": 2},
            {"name": "burst", "seconds": 12, "hogs": 2, "onSeconds": 2, "offSeconds": 2}]})
        self.assertEqual([0, 2, 2], [p["cpuHogs"] for p in t["phases"]])
        self.assertEqual([0, 0, 0], [p["memHogs"] + p["coRunner"] for p in t["phases"]])
        self.assertEqual(0.4, tr.effective_deadline_ms(t["phases"][0]))
        self.assertEqual(1, t["itemsPerFrame"])
        burst = t["phases"][2]
        self.assertEqual(2, tr.contention_at(burst, 1.0, 1.0)["cpuHogs"])
        self.assertEqual(0, tr.contention_at(burst, 3.0, 1.0)["cpuHogs"])
        self.assertEqual([12.0, 28.0, 32.0], [o["t"] for o in tr.onsets(t, 1.0)])

    def test_requirement_carries_over_and_a_tighter_deadline_is_an_onset(self):
        t = tr.normalise({"fps": 20, "itemsPerFrame": 64, "phases": [
            {"name": "a", "seconds": 10}, {"name": "b", "seconds": 10, "memHogs": 1, "coRunner": 1},
            {"name": "c", "seconds": 10, "fps": 40}, {"name": "d", "seconds": 10, "deadlineMs": 30}]})
        self.assertEqual([20, 20, 40, 40], [p["fps"] for p in t["phases"]])
        self.assertEqual([50.0, 50.0, 25.0, 30], [tr.effective_deadline_ms(p) for p in t["phases"]])
        self.assertEqual([(5.0, "memHogs=1,coRunner=1"), (10.0, "deadline")],
                         [(o["t"], o["cause"]) for o in tr.onsets(t, 0.5)])

    def test_max_counts_are_per_kind_over_all_phases(self):
        t = tr.normalise({"fps": 20, "phases": [
            {"name": "a", "seconds": 5}, {"name": "b", "seconds": 5, "cpuHogs": 2},
            {"name": "c", "seconds": 5, "memHogs": 1, "coRunner": 1},
            {"name": "d", "seconds": 5, "memHogs": 3, "onSeconds": 1, "offSeconds": 1}]})
        self.assertEqual({"cpuHogs": 2, "memHogs": 3, "coRunner": 1}, tr.max_counts(t["phases"]))
        self.assertEqual({"cpuHogs": 0, "memHogs": 0, "coRunner": 0}, tr.max_counts([{"name": "idle"}]))
        self.assertEqual({"cpuHogs": 2, "memHogs": 1, "coRunner": 1},
                         tr.max_counts(oracle.conditions(tr.normalise({"phases": [
                             {"seconds": 1, "cpuHogs": 2}, {"seconds": 1, "memHogs": 1, "coRunner": 1}]}))))

    def test_bad_traces_are_refused_clearly(self):
        for bad in ({}, {"phases": []}, {"phases": [{"seconds": -1}]}, {"phases": [{"seconds": 1, "cpuHogs": 99}]},
                    {"phases": [{"seconds": 1, "fps": "x"}]}, {"phases": [5]},
                    {"fps": True, "phases": [{"seconds": 1}]}):
            with self.assertRaises(tr.TraceError, msg=bad):
                tr.normalise(bad)

    def test_shipped_traces_load(self):
        for name in ("frames.json", "contention.json"):
            t = tr.load(os.path.join(harness.ROOT, "models", "traces", name))
            self.assertTrue(t["phases"])
        frames = tr.load(os.path.join(harness.ROOT, "models", "traces", "frames.json"))
        kinds = {k for p in frames["phases"] for k in tr.CONTENTION_KEYS if p[k]}
        self.assertEqual(set(tr.CONTENTION_KEYS), kinds)
        self.assertGreater(len({p["fps"] for p in frames["phases"]}), 1)


class OracleTest(unittest.TestCase):
    CAL = {"idle": {"small": [2, 2, 3], "mid": [10, 11, 12], "big": [30, 31, 45]},
           "cpuHogs=2": {"small": [3, 4, 5], "mid": [20, 24, 30], "big": [50, 70, 90]}}

    def test_choose_most_accurate_level_whose_p99_fits(self):
        self.assertEqual(("big", 1.0), oracle.choose(self.CAL["idle"], TOP1, 50))
        self.assertEqual(("mid", 1.0), oracle.choose(self.CAL["cpuHogs=2"], TOP1, 50))
        self.assertEqual(("small", 0.0), oracle.choose(self.CAL["cpuHogs=2"], TOP1, 2))
        level, share = oracle.choose(self.CAL["idle"], TOP1, 40)
        self.assertEqual("mid", level)

    def test_run_weights_phases_by_frames(self):
        t = tr.normalise({"fps": 20, "phases": [{"name": "a", "seconds": 10}, {"name": "b", "seconds": 10,
                                                                              "cpuHogs": 2}]})
        r = oracle.run(t, 1.0, self.CAL, TOP1)
        self.assertEqual("oracle", r["kind"])
        self.assertEqual(["big", "mid"], [p["level"] for p in r["phases"]])
        self.assertEqual(400, r["frames"])
        self.assertAlmostEqual(91.0, r["meanAccuracy"])
        self.assertEqual(1, r["switches"])
        self.assertEqual([{"cpuHogs": 0, "memHogs": 0, "coRunner": 0}, {"cpuHogs": 2, "memHogs": 0, "coRunner": 0}],
                         oracle.conditions(t))


class AnalysisTest(unittest.TestCase):
    def test_summary_per_phase_and_reactions(self):
        t = tr.normalise({"fps": 20, "phases": [{"name": "idle", "seconds": 2},
                                                {"name": "hogs", "seconds": 2, "cpuHogs": 2}]})

        def fn(t_):
            if t_ < 2.0:
                return 30, "ok", "big"
            return (60, "late", "big") if t_ < 2.2 else (20, "ok", "mid")
        # camera started 1 s before the trace: its times are shifted by the segment offset
        lines = camera(5, 20, lambda c: fn(c - 1.0))
        row = analysis.summarise({"name": "managed: x", "kind": "managed", "segments": [(lines, 1.0)]}, t, 1.0, TOP1)
        self.assertEqual(80, row["frames"])
        self.assertAlmostEqual(76 / 80, row["framesWithinDeadline"])
        self.assertEqual(["idle", "hogs"], [p["name"] for p in row["phases"]])
        self.assertEqual([1.0, 36 / 40], [p["framesWithinDeadline"] for p in row["phases"]])
        self.assertEqual(1, row["switches"])
        self.assertEqual(200.0, row["reactions"][0]["moveMs"])


class ContentionTest(unittest.TestCase):
    def test_cache_sizes_and_the_memory_hog_array(self):
        self.assertEqual(2048 * 1024, contention.parse_cache_size("2048K\n"))
        self.assertEqual(480 << 20, contention.parse_cache_size("480M"))
        self.assertIsNone(contention.parse_cache_size("lots"))
        self.assertEqual(256, contention.mem_hog_mb(32 << 20))
        self.assertEqual(1024, contention.mem_hog_mb(480 << 20))
        self.assertEqual(64, contention.mem_hog_mb(1 << 20))
        self.assertEqual(300, contention.mem_hog_mb(480 << 20, 300))

    def test_last_level_cache_from_sysfs(self):
        with tempfile.TemporaryDirectory() as d:
            for i, (level, size) in enumerate(((1, "48K"), (2, "2048K"), (3, "32768K"))):
                os.makedirs(os.path.join(d, f"index{i}"))
                for name, value in (("level", str(level)), ("size", size)):
                    with open(os.path.join(d, f"index{i}", name), "w") as f:
                        f.write(value + "\n")
            self.assertEqual(32 << 20, contention.last_level_cache_bytes(d))
            self.assertIsNone(contention.last_level_cache_bytes(os.path.join(d, "none")))


class FakeProcess:
    """A Popen stand-in whose stdout pipe already holds `ready`."""

    def __init__(self, pid, args, stdout=None, **_):
        self.pid, self.args, self.returncode, self.killed = pid, args, None, False
        self.stdout = None
        if stdout == subprocess.PIPE:
            r, w = os.pipe()
            os.write(w, b"starting\nready\n")
            os.close(w)
            self.stdout = os.fdopen(r, "rb")

    def poll(self):
        return self.returncode

    def kill(self):
        self.killed, self.returncode = True, -9

    def wait(self, timeout=None):
        return self.returncode


class FakeSystem:
    """Fake Popen and os.kill: the processes started and the signals sent, in order."""

    def __init__(self):
        self.procs, self.signals = [], []

    def popen(self, args, **kwargs):
        p = FakeProcess(100 + len(self.procs), args, **kwargs)
        self.procs.append(p)
        return p

    def kill(self, pid, sig):
        self.signals.append((pid, sig))

    def take(self):
        out, self.signals = self.signals, []
        return out


class ContentionProcessesTest(unittest.TestCase):
    def test_prepare_starts_the_most_needed_and_pauses_them_and_apply_signals_only_changes(self):
        fake = FakeSystem()
        others = contention.Contention({}, "/models", popen=fake.popen, kill=fake.kill)
        others.prepare({"cpuHogs": 2, "memHogs": 1, "coRunner": 0})
        self.assertEqual(3, len(fake.procs))
        self.assertEqual(["-c", "-c", "memhog"], [p.args[1] if p.args[1] == "-c" else p.args[2] for p in fake.procs])
        self.assertTrue(all(p.stdout.closed for p in fake.procs))
        self.assertEqual([(100, signal.SIGSTOP), (101, signal.SIGSTOP), (102, signal.SIGSTOP)], fake.take())
        others.apply({"cpuHogs": 1, "memHogs": 0, "coRunner": 0})
        self.assertEqual([(100, signal.SIGCONT)], fake.take())
        others.apply({"cpuHogs": 1})
        self.assertEqual([], fake.take())
        others.apply({"cpuHogs": 2, "memHogs": 1})
        self.assertEqual([(101, signal.SIGCONT), (102, signal.SIGCONT)], fake.take())
        others.apply({"cpuHogs": 0, "memHogs": 1})
        self.assertEqual([(100, signal.SIGSTOP), (101, signal.SIGSTOP)], fake.take())
        self.assertEqual(3, len(fake.procs))
        others.stop()
        self.assertTrue(all(p.killed for p in fake.procs))

    def test_apply_without_prepare_starts_processes_running(self):
        fake = FakeSystem()
        pool = contention.ProcessPool("CPU hog", lambda: ["hog"], fake.popen, fake.kill)
        pool.set(2)
        self.assertEqual(2, len(fake.procs))
        self.assertEqual([], fake.take())
        pool.set(1)
        self.assertEqual([(101, signal.SIGSTOP)], fake.take())
        pool.set(3)
        self.assertEqual(3, len(fake.procs))
        self.assertEqual([(101, signal.SIGCONT)], fake.take())

    def test_a_process_that_died_during_the_run_is_an_error_naming_its_kind(self):
        fake = FakeSystem()
        pool = contention.ProcessPool("memory hog", lambda: ["hog"], fake.popen, fake.kill)
        pool.prepare(2)
        pool.set(1)
        fake.procs[1].returncode = -11
        with self.assertRaisesRegex(RuntimeError, r"memory hog process 2 \(pid 101\) exited unexpectedly"):
            pool.set(1)

    @staticmethod
    def state(pid):
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]

    def await_state(self, pid, wanted):
        for _ in range(500):
            if (self.state(pid) == "T") == wanted:
                return True
            time.sleep(0.01)
        return False

    def test_real_processes_wait_for_ready_then_stop_and_continue(self):
        pool = contention.ProcessPool("CPU hog", lambda: [sys.executable, "-c", contention.CPU_HOG])
        try:
            pool.prepare(1)
            pid = pool.procs[0].pid
            self.assertTrue(self.await_state(pid, True), "paused after prepare")
            pool.set(1)
            self.assertTrue(self.await_state(pid, False), "running once released")
            pool.set(0)
            self.assertTrue(self.await_state(pid, True), "paused again")
        finally:
            pool.stop()
        self.assertEqual([], pool.procs)

    @unittest.skipUnless(importlib.util.find_spec("numpy"), "the memory hog needs numpy")
    def test_memory_hog_says_ready_after_its_first_sweep(self):
        pool = contention.ProcessPool("memory hog", lambda: [sys.executable, contention.__file__, "memhog", "8"])
        try:
            pool.prepare(1)
            self.assertIsNone(pool.procs[0].poll())
        finally:
            pool.stop()

    def test_a_process_exiting_or_silent_before_ready_is_an_error_naming_its_kind(self):
        pool = contention.ProcessPool("co-runner", lambda: [sys.executable, "-c", "import sys; sys.exit(3)"])
        try:
            with self.assertRaisesRegex(RuntimeError, r"co-runner process \(pid \d+\) exited before it was ready "
                                                      r"\(status 3\)"):
                pool.prepare(1)
        finally:
            pool.stop()
        pool = contention.ProcessPool("memory hog", lambda: [sys.executable, "-c", "import time; time.sleep(60)"])
        try:
            with self.assertRaisesRegex(RuntimeError, "1 memory hog process\\(es\\) not ready within 0.2 s"):
                pool.prepare(1, timeout=0.2)
        finally:
            pool.stop()


class PolicyVariantsTest(unittest.TestCase):
    def test_variants_parse_in_order_and_the_same_policy_may_repeat(self):
        self.assertEqual([("slack-fit", None), ("slack-fit", {"margin": "0.85", "upDwellMs": "500"}),
                          ("paper-step", {"stepUp": "true"}), ("alert", None)],
                         run.parse_policies(" slack-fit, slack-fit:margin=0.85; upDwellMs = 500 ,"
                                            "paper-step:stepUp=true,,alert"))
        self.assertEqual([("slack-fit", {"margin": "0.8"}), ("slack-fit", {"margin": "0.9"})],
                         run.parse_policies("slack-fit:margin=0.8,slack-fit:margin=0.9"))

    def test_bad_variants_are_refused(self):
        for bad, why in (("slack-fit:", "not key=value"), ("slack-fit:margin", "not key=value"),
                         ("slack-fit:margin=", "not key=value"), ("slack-fit:=1", "not key=value"),
                         ("slack-fit:margin=0.8 5", "not key=value"), ("slack-fit:margin=$(rm -rf x)", "not key"),
                         ("slack-fit:margin=1\nfoo=2", "not key=value"), ("slack-fit:9x=1", "not key=value"),
                         ("slack-fit:margin=0.8;margin=0.9", "sets margin twice"),
                         ("slack-fit:margin=1,upDwellMs=5", "not a policy name"),
                         ("slack-fit,slack-fit", "twice"), ("slack-fit:a=1,slack-fit:a=1", "twice"),
                         ("Slack Fit", "not a policy name"), ("other:a=1", "no known configuration PID")):
            with self.assertRaisesRegex(ValueError, why, msg=bad):
                run.parse_policies(bad)

    def test_a_bad_variant_is_an_argparse_error(self):
        err = io.StringIO()
        handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
        try:
            with mock.patch.object(sys, "argv", ["run.py", "--policies", "slack-fit:margin"]), \
                    contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as exit_:
                run.main()
        finally:
            for s, h in handlers.items():
                signal.signal(s, h)
        self.assertEqual(2, exit_.exception.code)
        self.assertIn("is not key=value", err.getvalue())

    def test_run_names_carry_the_variant(self):
        self.assertEqual("managed: slack-fit (margin=0.85, upDwellMs=500)",
                         run.run_name("managed", "slack-fit", {"margin": "0.85", "upDwellMs": "500"}))
        self.assertEqual("baseline: paper-step", run.run_name("baseline", "paper-step", None))

    def test_the_variant_is_written_to_the_policy_configuration_of_the_run(self):
        t = tr.normalise({"fps": 20, "itemsPerFrame": 4, "phases": [{"seconds": 1}]})
        work = harness.scratch_dir(t, "slack-fit", None, (), {"margin": "0.85", "upDwellMs": "500"})
        try:
            with open(os.path.join(work, "runtime-config", "io.dynofa.policy.slackfit.cfg")) as f:
                self.assertEqual("margin = 0.85\nupDwellMs = 500\n", f.read())
            with open(os.path.join(work, "runtime-config", "io.dynofa.runtime.cfg")) as f:
                self.assertIn("policy = slack-fit\n", f.read())
        finally:
            shutil.rmtree(work)


class CalibrationFromTest(unittest.TestCase):
    TRACE = tr.normalise({"name": "frames", "fps": 20, "itemsPerFrame": 4, "phases": [{"seconds": 1}]})
    RECORD = {"latencies": {"idle": {"small": [2.0, 3.0], "big": [30.0, 31.0, 33.0]}},
              "levels": [{"id": "small", "latencyMs": 2.0}, {"id": "mid", "latencyMs": 9.0},
                         {"id": "big", "latencyMs": 30.0}], "calibrated": ["small", "big"], "frames": 3}

    def write(self, d, doc):
        path = os.path.join(d, "experiment-x.json")
        with open(path, "w") as f:
            json.dump(doc, f)
        return path

    def test_a_report_round_trips_its_calibration(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "experiment-frames.json")
            row = {"name": "managed: slack-fit (margin=0.8)", "kind": "managed"}
            report.write_json(path, self.TRACE, 1.0, [row], [dict(row, policyConfig={"margin": "0.8"})], [],
                              self.RECORD)
            self.assertEqual(dict(self.RECORD, **{"from": path}), run.load_calibration(path, self.TRACE))
            with open(path) as f:
                self.assertEqual({"margin": "0.8"}, json.load(f)["runs"][0]["policyConfig"])

    def test_another_traces_calibration_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            path = self.write(d, {"trace": {"name": "contention"}, "calibration": self.RECORD["latencies"]})
            with self.assertRaisesRegex(ValueError, "of trace 'contention', this run's trace is 'frames'"):
                run.load_calibration(path, self.TRACE)

    def test_an_older_report_without_the_calibration_levels_still_loads(self):
        with tempfile.TemporaryDirectory() as d:
            path = self.write(d, {"trace": {"name": "frames"}, "calibration": self.RECORD["latencies"]})
            cal = run.load_calibration(path, self.TRACE)
            self.assertEqual((None, ["small", "big"], 3), (cal["levels"], cal["calibrated"], cal["frames"]))

    def test_malformed_reports_are_refused(self):
        with tempfile.TemporaryDirectory() as d:
            for doc in ([], {"trace": {"name": "frames"}}, {"trace": {"name": "frames"}, "calibration": {}},
                        {"trace": {"name": "frames"}, "calibration": {"idle": {"big": ["x"]}}},
                        {"trace": {"name": "frames"}, "calibration": {"idle": [1]}}):
                with self.assertRaises(ValueError, msg=doc):
                    run.load_calibration(self.write(d, doc), self.TRACE)
            with self.assertRaisesRegex(ValueError, "--calibration-from"):
                run.load_calibration(os.path.join(d, "missing.json"), self.TRACE)


class ReportNotesTest(unittest.TestCase):
    def oracle_note(self, calibrated, gateway_levels):
        trace = tr.normalise({"fps": 20, "itemsPerFrame": 64, "phases": [{"seconds": 1}]})
        return next(n for n in report.notes(trace, 12, calibrated, gateway_levels) if n.startswith("oracle"))

    def test_the_calibrated_levels_are_counted_against_the_calibration_gateways_own_table(self):
        self.assertIn("each of the calibration gateway's 15 levels pinned", self.oracle_note(15, 15))
        self.assertIn(": 5 of the calibration gateway's 15 levels pinned", self.oracle_note(5, 15))
        self.assertIn("each of 15 levels of the calibration gateway pinned", self.oracle_note(15, None))

    def test_the_plot_axis_has_every_level_of_every_run(self):
        runs = [{"levels": [{"id": "small", "latencyMs": 2}, {"id": "big", "latencyMs": 30}]},
                {"levels": [{"id": "small", "latencyMs": 2}, {"id": "mid", "latencyMs": 9}]}, {}]
        self.assertEqual(["small", "mid", "big"], report.level_axis(runs, TOP1))


class FrameTailTest(unittest.TestCase):
    def test_follows_appends_and_a_reopened_log(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "frames.jsonl")
            tail = harness.FrameTail(path)
            tail.poll()
            with open(path, "w") as f:
                f.write(line(0, 0.0, 10) + "\n" + line(1, 0.05, 10)[:20])
            tail.poll()
            with open(path, "a") as f:
                f.write(line(1, 0.05, 10)[20:] + "\n")
            tail.poll()
            self.assertEqual(2, len(tail.segments[0]))
            with open(path, "w") as f:
                f.write(line(0, 0.0, 10) + "\n")
            tail.poll()
            segments = tail.aligned_lines(t0=0.0)
            self.assertEqual([2, 1], [len(s[0]) for s in segments])
            self.assertEqual(0, fr.parse(segments[0][0])[1])


class CalibrationTest(unittest.TestCase):
    def test_settled_needs_the_last_frames_within_deadline(self):
        ok = [(0.0, line(i, i * 0.05, 10)) for i in range(harness.SETTLED_FRAMES)]
        self.assertTrue(harness.settled(ok))
        self.assertFalse(harness.settled(ok[1:]))
        self.assertFalse(harness.settled(ok + [(0.0, line(99, 9.0, 80, "late"))]))

    def test_pinned_latencies_skip_other_levels_and_the_first_frame_on_the_pinned_one(self):
        incoming = [line(0, 0.0, 30, level="big"), line(1, 0.1, 11, level="mid"), line(2, 0.2, 12, level="mid"),
                    line(3, 0.3, 0, "dropped"), line(4, 0.4, 13, level="mid"), line(5, 0.5, 14, level="mid")]

        class FakeGateway:
            def __init__(self):
                self.tail = harness.FrameTail("unused")

            def sleep(self, seconds):
                if incoming:
                    self.tail.segments[-1].append((0.0, incoming.pop(0)))
        self.assertEqual([12.0, 13.0], harness.pinned_latencies(FakeGateway(), "mid", 2))


if __name__ == "__main__":
    unittest.main()
