#!/usr/bin/python3
"""Journey 1, a new hire: opens a topic, reads two lessons, takes the quiz
and fails it, reviews the questions they missed the next day, retakes the
quiz and passes; the Learn card and the Progress view show it."""

import os
import sys
import time
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rapport_e2e import (AnswerKey, check, click, find, gone, log, mouse_click,
                         plain, run, take_quiz, texts, wait_until)

CORE = "io.github.rapportapp.core"
TOPIC = "active-listening"
SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
KEY = AnswerKey(os.path.join(SOURCE, "data", "packs", "core", "topics", TOPIC + ".xml"))
# The course grows: count the topic's lessons rather than remember them.
LESSONS = len(ElementTree.parse(os.path.join(SOURCE, "data", "packs", "core", "topics",
                                             TOPIC + ".xml")).getroot().findall("lesson"))


def page(window, name):
    """A page of the Learn view's leaflet.  The leaflet keeps the pages it
    slid away from allocated, so lookups stay inside the page at hand."""
    learn = find(window, role_name="filler", name="RapportLearnView")
    return find(learn, role_name="filler", name=name)


def card(window):
    return find(window, role_name="table cell", startswith="Active Listening.")


def journey(app):
    window = app.start()
    log("the course, untouched")
    check(plain(card(window).name).endswith(f"0 of {LESSONS} lessons"), f"a new card reads “{card(window).name}”")
    app.screenshot("course")

    log("open the topic and read two lessons")
    mouse_click(card(window))
    topic = page(window, "RapportTopicPage")
    click(find(topic, role_name="push button", name="Start the First Lesson"))
    lesson = page(window, "RapportLessonView")
    find(lesson, role_name="label", name="Listening Is More Than Hearing")
    click(find(lesson, role_name="push button", name="Mark as Done"))
    find(lesson, role_name="label", name="You finished this lesson.")
    click(find(lesson, role_name="push button", name="Next"))
    find(lesson, role_name="label", name="Paraphrasing and Summarising")
    app.screenshot("lesson")
    click(find(lesson, role_name="push button", name="Mark as Done"))
    find(lesson, role_name="label", name="You finished this lesson.")
    app.back("RapportTopicPage")
    topic = page(window, "RapportTopicPage")
    find(topic, role_name="label", name=f"2 of {LESSONS} lessons done")
    find(topic, role_name="push button", name="Continue")

    log("take the quiz and miss the first eight questions")
    mouse_click(find(topic, role_name="list item", name="Take the Quiz"))
    quiz = page(window, "RapportQuizPage")
    missed, _ = take_quiz(quiz, KEY, wrong=8)
    find(quiz, role_name="label", name="Not Passed Yet")
    first_score = find(quiz, role_name="label", contains=" %")
    app.screenshot("quiz-failed")
    click(find(quiz, role_name="push button", name="Back to Topic"))
    topic = page(window, "RapportTopicPage")
    find(topic, role_name="label", startswith=f"2 of {LESSONS} lessons done · best quiz score")

    rows = app.query("SELECT state, score, passed FROM quiz_attempt WHERE pack_id = ? AND topic_key = ?",
                     CORE, TOPIC)
    check(len(rows) == 1 and rows[0][0] == "finished" and rows[0][2] == 0 and rows[0][1] < 70,
          f"after the failed quiz the database holds {rows}")
    check(f"{rows[0][1]:.0f} %" == plain(first_score.name),
          f"the quiz showed {first_score.name}, the database holds {rows[0][1]}")
    due = dict(app.query("SELECT question_key, due_at FROM review_item WHERE topic_key = ?", TOPIC))
    check(sorted(due) == sorted(missed), f"review queue {sorted(due)}, missed {sorted(missed)}")
    check(all(at > time.time() for at in due.values()), "missed questions are due later, not now")
    app.close()

    # The next morning.  Missed questions fall due the day after the quiz;
    # rather than wait, the journey moves their due time into the past, as
    # the night would have.
    with app.db_write() as connection:
        connection.execute("UPDATE review_item SET due_at = ? WHERE topic_key = ?",
                           (int(time.time()) - 60, TOPIC))

    log("the next day: review what was missed")
    window = app.start()
    find(window, role_name="label", name=f"{len(missed)} questions you missed are due for review today.")
    app.screenshot("review-due")
    click(find(window, role_name="push button", name="Start Review"))
    quiz = page(window, "RapportQuizPage")
    still_missed, reviewed = take_quiz(quiz, KEY, wrong=0)
    check(not still_missed and sorted(reviewed) == sorted(missed),
          f"the review asked {sorted(reviewed)}, missed were {sorted(missed)}")
    find(quiz, role_name="label", name="Review Done")
    click(find(quiz, role_name="push button", name="Back to Topics"))
    gone(window, role_name="push button", name="Start Review")
    boxes = app.query("SELECT DISTINCT box FROM review_item WHERE topic_key = ?", TOPIC)
    check(boxes == [(2,)], f"after a good review the questions move to box 2, not {boxes}")

    log("retake the quiz and pass")
    mouse_click(card(window))
    topic = page(window, "RapportTopicPage")
    mouse_click(find(topic, role_name="list item", name="Take the Quiz"))
    quiz = page(window, "RapportQuizPage")
    take_quiz(quiz, KEY, wrong=0)
    find(quiz, role_name="label", name="You Passed")
    find(quiz, role_name="label", name="100 %")
    app.screenshot("quiz-passed")
    click(find(quiz, role_name="push button", name="Back to Topic"))
    topic = page(window, "RapportTopicPage")
    find(topic, role_name="label", name=f"2 of {LESSONS} lessons done · best quiz score 100 %")
    app.back("topics")
    wait_until(lambda: plain(card(window).name).endswith(
        f"2 of {LESSONS} lessons · quiz best 100 %, last 100 %"), "the card to show the lessons and the score")
    app.screenshot("course-after")

    log("the Progress view")
    app.view("Progress")
    progress = find(window, role_name="filler", name="RapportProgressView")
    chart = find(progress, role_name="image", name="Skill trends")
    summary = texts(progress)
    check(summary[summary.index("Lessons read") - 1] == "2", f"the summary cards read {summary[:10]}")
    check(summary[summary.index("Quizzes passed") - 1] == "1", f"the summary cards read {summary[:10]}")
    check(chart.description, "the chart describes itself in words")
    log(f"chart: {chart.description}")
    app.screenshot("progress")

    log("the database")
    lessons = app.query("SELECT lesson_key FROM lesson_progress WHERE pack_id = ? AND topic_key = ?"
                        " AND completed_at IS NOT NULL ORDER BY lesson_key", CORE, TOPIC)
    check(lessons == [("listening-not-hearing",), ("paraphrase-and-summarise",)], f"completed lessons {lessons}")
    attempts = app.query("SELECT score, passed FROM quiz_attempt WHERE topic_key = ? AND state = 'finished'"
                         " ORDER BY finished_at", TOPIC)
    check(len(attempts) == 2 and attempts[0][1] == 0 and attempts[1] == (100.0, 1),
          f"quiz attempts {attempts}")
    wrong = app.query("SELECT question_key FROM quiz_answer WHERE correct = 0 AND attempt_id ="
                      " (SELECT min(id) FROM quiz_attempt WHERE topic_key = ?)", TOPIC)
    check(sorted(key for key, in wrong) == sorted(missed), f"the first attempt's wrong answers: {wrong}")
    asked = KEY.draws[TOPIC]
    answers = app.query("SELECT count(*), sum(correct) FROM quiz_answer")
    check(answers == [(2 * asked, 2 * asked - 8)],
          f"two attempts of {asked} answers, 8 of them wrong: {answers}")


sys.exit(run("new-hire", journey))
