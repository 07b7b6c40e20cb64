"""The Korean glossary: one word for one thing, written once.

Every Korean text of the studio (the pages, the lesson, the figures) uses the word in
``korean`` for the thing in ``english``. ``banned`` lists the variants that must not appear
in any Korean text, as regular expressions (most are plain words);
``tests/test_glossary.py`` scans every text of :data:`fmnist.i18n.TEXT` for them, so a new
module of ``fmnist/i18n/`` is checked the moment it exists. A rule about sense rather than
spelling (which of two meanings a word carries) is in ``meaning``: the test cannot see it, a
reviewer can. The terms follow the Korean TensorFlow tutorial (the seed notebook) where it
has one. A term written with a gloss in brackets (유닛(노드), 중요도 맵(saliency map)) carries
the gloss at its first use in a text read in order (the lesson, a take-home notebook), then
goes without it; the tests check that too. This module holds no interface text, so the loader
of ``fmnist.i18n`` skips it.
"""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    korean: str
    english: str
    banned: tuple[str, ...]
    meaning: str


GLOSSARY: tuple[Term, ...] = (
    # The data
    Term("패션 MNIST", "Fashion-MNIST", (r"Fashion[- ]?MNIST",),
         "The dataset's name in Korean prose, as the Korean TensorFlow tutorial writes it."),
    Term("이미지", "image, picture (of the dataset, a canvas)", (r"테스트 그림", r"학습 그림"),
         "A picture of the dataset or a canvas. 그림 is what a student draws or brings on the Draw & "
         "upload page, 사진 a photo."),
    Term("샘플", "sample", (r"표본",), "Images picked to be shown."),
    Term("무작위", "random, shuffled", (r"랜덤",), "무작위로 고른, 무작위 위치. A seed is just 시드."),
    Term("학습 세트 / 검증 세트 / 테스트 세트", "training / validation / test set", (r"출처",),
         "The split an image comes from. 출처 means a citation."),
    Term("스웨터", "Pullover (class 2)", (r"풀오버",),
         "What Korean students and a widely used Korean textbook call it; figures show the English "
         "name beside it."),
    Term("레이블", "label", (r"라벨",), "The answer stored with an image."),
    Term("클래스", "a class of garments (one of the ten)", (r"클래스 코드",),
         "Only the ten garment classes. A class of students is a 수업 (수업 코드, 수업에 참여)."),
    Term("수업", "the Lesson; a class of students", (), "The Lesson page, and a class run from it (수업 코드)."),
    Term("원본 노트북", "the original notebook(s)", (r"원래 노트북",),
         "The two seed notebooks the studio comes from (원본 노트북의 `expand_4times`)."),
    Term("옷", "garment, clothing", (r"의류",), "옷 throughout: 옷 하나, 옷 이미지, 옷을 넣어 봅니다."),
    Term("개 (옷 두 개)", "the counter for garments", (r"(?:[한두세네]|다섯|여러|몇|\d+|\}) ?벌(?!써)",),
         "옷 두 개, 옷 최대 네 개. 벌 counts clothes one wears and cannot count a bag or a sneaker."),
    Term("자리", "a position (box) of a one-hot or multi-hot label", (),
         "클래스마다 한 자리. Not 칸, which is a quadrant."),
    # Composite images
    Term("합성 이미지", "composite image; the Compose page", (r"합성 페이지",),
         "The Compose page is 합성 이미지 (in prose: 합성 이미지 페이지)."),
    Term("칸", "quadrant", (r"칸 신경망", r"시그모이드 칸"),
         "One of the four 28x28 quadrants of a canvas, and nothing else (first use: 칸(사분면)). "
         "A position of a label is 자리, a tile model is a 타일 신경망, a cell of the confusion "
         "matrix is its 숫자(셀)."),
    Term("캔버스", "canvas", (), "The 56x56 image of four quadrants."),
    # Pages
    Term("데이터 둘러보기 / 합성 이미지 / 학습 / 예측 / 그리기·사진 올리기",
         "Browse / Compose / Train / Predict / Draw & upload", (r"그리기와 올리기",),
         "The pages' names, in the navigation and wherever a text sends the reader to a page "
         "(학습 페이지, 합성 이미지 페이지)."),
    # Models
    Term("기본 제공 모델", "the shipped model", (r"내장 모델", r"기본 모델"),
         "The models in models/, used until one is trained."),
    Term("타일 신경망", "tile network", (), "The studio's canvas models: one small network per quadrant."),
    Term("단순 CNN", "plain CNN", (), "The original notebook's CNN over the whole canvas."),
    Term("유닛(노드)", "a unit of a Dense layer", (r"뉴런", r"(?<!\()노드(?!\))", r"Dense`? 층 (?:\d+|`\w+`)개"),
         "The tutorial's 노드 in brackets at the first use in a text, then 유닛. A layer's units are "
         "counted on the units: 유닛 10개인 마지막 Dense 층 (Dense 층 10개 would be ten layers)."),
    Term("가중치", "parameters, weights (what a network learns, and their count)", (r"파라미터", r"매개변수"),
         "The Korean TensorFlow tutorial's word (학습되는 가중치), biases included: the first Dense "
         "layer's 가중치 100,480개 = 784 x 128 + 128."),
    Term("합성곱", "convolution", (r"컨볼루션",), "합성곱 층, 합성곱 블록."),
    Term("최대 풀링", "max pooling", (r"맥스 ?풀링", r"최댓값 풀링"), ""),
    Term("소프트맥스 / 시그모이드", "softmax / sigmoid", (r"소프트 맥스",), ""),
    Term("다중 클래스 / 다중 레이블", "multi-class / multi-label", (r"멀티 클래스", r"멀티 레이블"),
         "The two kinds of question; the label of a multi-label question is 멀티-핫 (원-핫 for one class)."),
    # Training
    Term("빠른 학습 / 정식 학습", "the Quick / Full recipes", (),
         "The presets. 전체 keeps its plain sense, the whole (캔버스 전체, 전체 10,000장), never a "
         "preset nor a filter's 'any' (모든 클래스)."),
    Term("에포크", "epoch", (r"에폭",), ""),
    Term("걸음", "a step of the optimiser", (r"학습 단계",),
         "One update of the weights (Adam 옵티마이저의 한 걸음). 단계 reads as a stage of a procedure."),
    Term("CPU 코어 2개", "two CPU cores", (r"CPU 두 개", r"CPU 2개"), "The classroom server's two cores."),
    # Measuring
    Term("평가 지표", "metric, measure", (r"척도",),
         "What is measured (정확도, 완전 일치율), as the Korean TensorFlow tutorial says; never a "
         "measured value, which is a 테스트 결과."),
    Term("테스트 결과", "test figure(s): a value measured on the test set",
         (r"테스트 평가 지표", r"평가 지표(?:는|가)? ?(?:이것|바로)", r"(?:잰|측정한|비교할) 평가 지표", r"평가 지표 ?\{"),
         "The figures a model scored (테스트 결과, 테스트 결과 없음); the value to compare with is a 숫자 "
         "or a 값."),
    Term("정확도", "accuracy", (), "The share of images answered right."),
    Term("완전 일치율", "exact match", (r"완전 일치(?!율)",),
         "The share of canvases whose ten yes/no answers are all right: always the rate, also as the "
         "metric's name."),
    Term("손실", "loss", (), "교차 엔트로피, 해밍 손실."),
    Term("혼동 행렬", "confusion matrix", (r"오차 행렬",), ""),
    Term("혼동 행렬의 숫자(셀)", "a cell of the confusion matrix", (r"행렬의? (?:\S+ )?칸",),
         "칸 is a quadrant only."),
    Term("오탐(없는 옷을 있다고 함)", "a false alarm (false positive)", (r"잘못된 경보", r"거짓 경보", r"오경보"),
         "With its explanation in brackets at the first use in a text, then 오탐."),
    Term("정밀도 / 재현율", "precision / recall", (), ""),
    Term("임계값", "threshold", (r"임곗값", r"문턱값"), "판정 임계값."),
    Term("중요도 맵(saliency map)", "saliency map", (r"(?<![가-힣])지도(?!서| ?학습)", r"히트 ?맵", r"돌출 ?맵"),
         "With the English name in brackets at the first use in a text, then 중요도 맵. 지도 reads as "
         "a geographic map."),
    Term("밝은 곳", "where a saliency map is bright (looked at)", (r"뜨거운",),
         "The Predict page says bright means looked at; heat is not a word there."),
    Term("최대", "at most", (r"많아야",), "많아야 reads as 'must be many'."),
    Term("예/아니요", "yes/no", (r"아니오",), "The answer word is 아니요 (표준어); 아니오 ends a sentence."),
    # The lesson and the challenge
    Term("설명 / 발문 / 주의할 오개념", "the teacher notes' labels: Say / Ask / Common misconception",
         (r"흔한 오해",), "A teacher's guide's (지도서) words."),
    Term("순위표", "the challenge's board (leaderboard)", (r"(?<![키시])보드",),
         "보드 reads as a blackboard (칠판) or a notice board (게시판)."),
    Term("닉네임", "a student's nickname on the board", (r"별명",), "As the challenge's form says."),
    # Code
    Term("임포트", "import (a Python module)",
         (r"import하", r"fmnist\.[\w.]*`?[을를]? ?(?:먼저 )?불러", r"모듈을 (?:먼저 )?불러"),
         "임포트하다 for a module, as the Korean TensorFlow tutorial's code does. 불러오다 is loading a "
         "model or the data (저장된 모델 불러오기, keras.saving.load_model)."),
    Term("정답 클래스 / 예측 클래스", "the true class / the predicted class", (),
         "The class an image really is (the tutorial's blue bar) and the model's answer (red when wrong)."),
)

# Typography: what a Korean text does not contain (regular expression, why). A colon may still
# introduce a value, a formula or an error message ("학습에 실패했습니다: {error}"), and a label
# may still end in one ("레이블: {label}").
PUNCTUATION: tuple[tuple[str, str], ...] = (
    (r"[다요]: [\"*]*[가-힣]", "a colon after a finished Korean sentence: end it with a full stop, or rephrase"),
    (r";", "an English semicolon: end the sentence, or join with a comma"),
    (r"[^\s.?!:\-+/=×] \(", "a space before a bracket: a Korean textbook prints 튜토리얼(…), 모델(완전 연결) "
                              "(a formula's brackets, and a bracket after a sentence or a colon, keep theirs)"),
)

# Grammar: a particle that must fit a value not known in advance is left out, never printed in
# both forms. Put the value where no particle follows it ("내 답: *{answer}*"), or behind a fixed
# word ("`{model_id}` 모델을", "`{path}` 파일이", "`python …` 명령을").
GRAMMAR: tuple[tuple[str, str], ...] = (
    (r"\([이가을를은는으와과아야]\)", "a fallback particle such as 을(를), 이(가), (으)로 or (이)라고"),
)
