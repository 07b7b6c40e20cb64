"""Text of the Lesson page: the page itself, the class, and each step (``lesson.<step>.*``:
title, body for students, teacher notes ``say`` / ``ask`` / ``myth``, and a question with its
choices where the step asks one). Korean follows ``fmnist/i18n/_glossary.py``.

The teacher notes carry a teacher's guide's (지도서) labels: Say (설명), Ask (발문), Common
misconception (주의할 오개념). ``say`` and ``ask`` are lines the teacher reads to the class as they
stand, in one voice: spoken to the students ("Move the garment…", "옮겨 보세요"), never an
instruction to the teacher ("Ask students to…", "…하게 하세요")."""

TEXT = {
    # --- The page ---
    "lesson.title": ("Lesson: from the data to the model's answer", "수업: 데이터에서 모델의 답까지"),
    "lesson.intro": (
        "Both original notebooks, the TensorFlow tutorial and the composite-image notebook, as one path. "
        "Go on your own, or join your teacher's class with its code.",
        "두 원본 노트북(텐서플로 튜토리얼과 합성 이미지 노트북)을 하나로 이어서 따라갑니다. "
        "혼자 진행하거나, 수업 코드로 선생님의 수업에 참여하세요.",
    ),
    "lesson.counter": ("Step {n} of {total}", "{total}단계 중 {n}단계"),
    "lesson.previous": ("Previous", "이전"),
    "lesson.next": ("Next", "다음"),
    "lesson.open_page": ("Open the full page: {page}", "{page} 페이지로 가기"),
    "lesson.notes": ("Teacher notes (only on your screen, never in presenter view)",
                     "교사용 메모(선생님 화면에만 보이고, 발표자 화면에는 나오지 않습니다)"),
    "lesson.notes_say": ("Say:", "설명:"),
    "lesson.notes_ask": ("Ask:", "발문:"),
    "lesson.notes_myth": ("Common misconception:", "주의할 오개념:"),
    # --- The class ---
    "lesson.class_box": ("Teach a class, or join one", "수업 열기 또는 참여하기"),
    "lesson.start_explain": (
        "**Teachers**: start a class and your students follow your steps on their own devices. "
        "No accounts needed.",
        "**선생님**: 수업을 열면 학생들이 자기 기기에서 선생님의 단계를 따라옵니다. 계정은 필요 없습니다.",
    ),
    "lesson.start": ("Start a class", "수업 시작"),
    "lesson.code_input": ("Class code", "수업 코드"),
    "lesson.join": ("Join", "참여"),
    "lesson.class_code": ("Class code", "수업 코드"),
    "lesson.join_how": ("Students open **{link}** or scan the QR code.",
                        "학생들은 **{link}** 주소를 열거나 QR 코드를 찍습니다."),
    "lesson.qr_caption": ("Scan to join", "찍어서 참여하기"),
    "lesson.students": ("Students joined: **{count}**", "참여한 학생 **{count}**명"),
    "lesson.teacher_paced": ("Students follow my step", "학생 화면을 내 단계에 맞추기"),
    "lesson.teacher_paced_help": (
        "On: every student sees your step, and only you move the class. Off: students move at their own pace.",
        "켜면 모든 학생이 선생님의 단계를 보고, 선생님만 단계를 넘깁니다. 끄면 학생들이 각자 속도로 넘깁니다.",
    ),
    "lesson.present": ("Presenter view", "발표자 화면"),
    "lesson.present_help": ("Large type and one step per screen, for the projector.",
                            "프로젝터용으로 글자를 크게, 한 화면에 한 단계씩 보여 줍니다."),
    "lesson.teacher_link": ("Teacher link", "교사용 링크"),
    "lesson.teacher_link_help": (
        "Keep this link private: it opens this class as its teacher on any device (a second screen, after a "
        "reload). Never share it with students.",
        "이 링크는 비밀로 하세요. 어느 기기에서든(다른 화면, 새로 고침 뒤) 이 수업을 선생님으로 엽니다. "
        "학생에게 알려 주면 안 됩니다.",
    ),
    "lesson.end": ("End the class", "수업 끝내기"),
    "lesson.end_warning": (
        "Ending the class cannot be undone: every student's page leaves it, and its answers and its "
        "board are deleted. Students who trained a model should download it first.",
        "수업을 끝내면 되돌릴 수 없습니다. 모든 학생 화면이 수업에서 나가고, 수업의 답과 순위표가 지워집니다. "
        "모델을 학습시킨 학생은 먼저 내려받게 하세요.",
    ),
    "lesson.end_confirm": ("End it for everyone", "모두에게 수업 끝내기"),
    "lesson.joined_paced": ("You are in class **{code}**. Your teacher moves the lesson: watch this screen.",
                            "**{code}** 수업에 참여했습니다. 선생님이 단계를 넘깁니다. 이 화면을 보세요."),
    "lesson.joined_free": ("You are in class **{code}**. Go at your own pace for now.",
                           "**{code}** 수업에 참여했습니다. 지금은 각자 속도로 진행하세요."),
    "lesson.leave": ("Leave", "나가기"),
    "lesson.class_ended": ("The class has ended. You can go on with the lesson on your own.",
                           "선생님이 수업을 마쳤습니다. 남은 단계는 혼자 계속할 수 있습니다."),
    "lesson.corner": ("{code} · students: {count}", "{code} · 학생 {count}명"),
    "lesson.error_no_such_class": ("No class has this code. Check the code with your teacher.",
                                   "이 코드의 수업이 없습니다. 코드가 맞는지 선생님께 확인해 보세요."),
    "lesson.error_bad_code": ("A class code has 6 letters and digits, like ABC234.",
                              "수업 코드는 ABC234처럼 글자와 숫자 6개입니다."),
    "lesson.error_class_full": ("This class is full.", "이 수업은 정원이 찼습니다."),
    "lesson.error_too_many_classes": ("This server has too many classes open. Try again later.",
                                      "이 서버에 열린 수업이 너무 많습니다. 나중에 다시 해 보세요."),
    "lesson.error_not_teacher": ("Only the teacher can do that.", "선생님만 할 수 있습니다."),
    "lesson.error_bad_answer": ("That answer could not be counted.", "이 답은 집계할 수 없습니다."),
    "lesson.error_already_revealed": ("The answer has been revealed: answers are closed.",
                                      "정답이 공개되어 더는 답할 수 없습니다."),
    "lesson.error_bad_entry": ("That entry could not go on the board: give your model a nickname.",
                               "순위표에 올릴 수 없습니다. 모델에 닉네임을 붙여 주세요."),
    "lesson.error_store_unavailable": (
        "The class is not reachable just now: the app's shared store is restarting. "
        "Your work is kept; this page tries again by itself.",
        "지금은 수업에 연결할 수 없습니다. 앱의 공용 저장소가 다시 시작하는 중입니다. "
        "작업한 내용은 그대로 남아 있고, 이 페이지가 스스로 다시 시도합니다.",
    ),
    "lesson.error_error": ("Something went wrong with the class.", "수업에 문제가 생겼습니다."),
    # --- Questions ---
    "lesson.question": ("Your turn: predict, then look", "먼저 예상해 보고, 확인해 보세요"),
    "lesson.your_answer": ("Your answer", "내 답"),
    "lesson.reveal": ("Reveal the answer", "정답 보기"),
    "lesson.reveal_class": ("Reveal to everyone", "모두에게 정답 공개"),
    "lesson.answer_saved": ("Your answer is in. You can change it until the teacher reveals the answer.",
                            "답이 제출되었습니다. 선생님이 정답을 공개하기 전까지 바꿀 수 있습니다."),
    "lesson.answer_wait": ("Pick an answer before your teacher reveals it.",
                           "선생님이 정답을 공개하기 전에 답을 고르세요."),
    "lesson.answers_count": ("Answers: **{count}**", "답 **{count}**개"),
    "lesson.answer_is": ("The model's real answer: **{answer}**", "모델의 실제 답: **{answer}**"),
    "lesson.you_right": ("You said *{answer}*. Right!", "내 답: *{answer}*. 맞았습니다!"),
    "lesson.you_wrong": ("You said *{answer}*. Look at what the model did, and why.",
                         "내 답: *{answer}*. 모델이 실제로 어떻게 했는지, 왜 그런지 살펴보세요."),
    "lesson.you_none": ("You did not answer this one.", "이 질문에는 답하지 않았습니다."),
    # --- A class's questions: counted while open, a second vote, the exit ticket ---
    "lesson.answered": ("**{count}** of {students} have answered", "{students}명 중 **{count}**명이 답했습니다"),
    "lesson.second_round": ("Second vote", "2차 투표"),
    "lesson.second_round_help": (
        "Everyone explains their answer to a neighbour for a minute, then votes again. Both votes are kept: the "
        "reveal shows both, and how many moved to the right answer.",
        "모두 옆 사람에게 1분쯤 자기 답의 이유를 설명한 뒤 다시 투표합니다. 두 투표를 모두 남겨 두었다가, 정답을 "
        "공개할 때 둘 다 보여 주고 정답으로 바꾼 학생이 몇 명인지도 보여 줍니다.",
    ),
    "lesson.round_first": ("First vote", "1차 투표"),
    "lesson.round_second": ("Second vote", "2차 투표"),
    "lesson.second_round_now": (
        "Second vote: explain your answer to a neighbour, listen to theirs, then answer again.",
        "2차 투표입니다. 옆 사람에게 내 답의 이유를 설명하고 옆 사람의 이유도 들은 뒤, 다시 답하세요.",
    ),
    "lesson.first_you_said": ("In the first vote you said *{answer}*.", "1차 투표의 내 답: *{answer}*"),
    "lesson.peer_moves": (
        "Between the votes **{to_right}** moved to the right answer and {away} moved away from it. Of the {both} "
        "who voted twice, {right_first} were right in the first vote and {right_last} in the second.",
        "두 투표 사이에 **{to_right}**명이 정답으로 바꾸었고, {away}명이 정답에서 다른 답으로 바꾸었습니다. 두 번 모두 "
        "투표한 {both}명 가운데 정답은 1차에 {right_first}명, 2차에 {right_last}명입니다.",
    ),
    "lesson.you_said": ("You said *{answer}*.", "내 답: *{answer}*"),
    "lesson.ticket": ("Exit ticket: before you go", "나가기 전 확인 문제"),
    "lesson.ticket_anonymous": (
        "Anonymous: your teacher sees how many chose each answer, never who.",
        "익명입니다. 선생님은 답마다 몇 명이 골랐는지만 보고, 누가 골랐는지는 보지 않습니다.",
    ),
    # --- The teacher's plan ---
    "lesson.optional_step": ("optional", "선택 단계"),
    "lesson.include_optional": ("Include the optional steps", "선택 단계도 포함"),
    "lesson.include_optional_help": (
        "Off: Next and Previous skip the steps marked optional, and the plan counts only the core path. On: they "
        "visit every step.",
        "끄면 다음/이전 버튼이 선택 단계를 건너뛰고, 계획 시간도 핵심 단계만 셉니다. 켜면 모든 단계를 거칩니다.",
    ),
    "lesson.time_plan": (
        "Time: **{used} min** since the class started, {planned} min planned before this step ({status}). "
        "The whole plan: {whole} min.",
        "시간: 수업 시작 후 **{used}분**, 이 단계 전까지 계획은 {planned}분({status}). 전체 계획은 {whole}분입니다.",
    ),
    "lesson.time_behind": ("{minutes} min behind", "{minutes}분 늦음"),
    "lesson.time_ahead": ("{minutes} min ahead", "{minutes}분 빠름"),
    "lesson.time_on_plan": ("on plan", "계획대로"),

    # --- 1. goals ---
    "lesson.goals.title": ("What we will learn", "무엇을 배우나요"),
    "lesson.goals.body": (
        "A computer can learn to name a garment from its pixels. We follow two notebooks: first the TensorFlow "
        "tutorial, which teaches a small network to name one garment, then a notebook that puts several "
        "garments on one picture and asks a harder question.",
        "컴퓨터는 픽셀만 보고 옷의 이름을 맞히도록 배울 수 있습니다. 두 노트북을 따라갑니다. 먼저 작은 신경망에게 "
        "옷 하나의 이름을 가르치는 텐서플로 튜토리얼, 그다음 한 이미지에 여러 옷을 넣고 더 어려운 질문을 하는 "
        "노트북입니다.",
    ),
    "lesson.goals.goal_classify": ("Classify Fashion-MNIST: name the garment in a 28x28 picture.",
                                   "패션 MNIST 분류: 28x28 이미지 속 옷의 이름을 맞힙니다."),
    "lesson.goals.goal_versus": ("Tell **multi-class** (one answer) from **multi-label** (a yes or no for every class).",
                                 "**다중 클래스**(답 하나)와 **다중 레이블**(클래스마다 예/아니요)을 구별합니다."),
    "lesson.goals.goal_insert": ("Insert garments into a bigger picture, and see what each kind of model says.",
                                 "더 큰 이미지에 옷을 넣고, 모델 종류마다 무엇이라고 답하는지 봅니다."),
    "lesson.goals.canvas_caption": ("Where we are going: one picture, two garments. Which answer is right?",
                                    "오늘의 목표: 이미지 하나에 옷 두 개. 어떤 답이 맞을까요?"),
    "lesson.goals.say": (
        "Today ends with one picture holding two garments. A model that must give one answer can name only one "
        "of them. We will see what each kind of model does instead.",
        "오늘 수업은 옷 두 개가 든 이미지 한 장으로 마무리합니다. 답을 하나만 해야 하는 모델은 둘 중 하나만 말할 수 "
        "있습니다. 모델 종류마다 대신 어떻게 하는지 함께 봅니다.",
    ),
    "lesson.goals.ask": ("What would you need to tell a friend so they could recognise a sneaker?",
                         "친구가 스니커즈를 알아보게 하려면 무엇을 말해 줘야 할까요?"),
    "lesson.goals.myth": (
        "That the computer 'sees' a shoe as we do. It only ever gets a grid of numbers.",
        "컴퓨터가 우리처럼 신발을 '본다'는 생각. 컴퓨터가 받는 것은 숫자 격자뿐입니다.",
    ),
    # --- 2. data ---
    "lesson.data.title": ("The data: 70,000 small pictures", "데이터: 작은 이미지 70,000장"),
    "lesson.data.body": (
        "Fashion-MNIST has 60,000 training images and 10,000 test images of ten kinds of clothing. Each is 28x28 "
        "pixels, and each pixel is a number from 0 (black) to 255 (white). Every class has the same number of "
        "images.",
        "패션 MNIST에는 옷 10종류의 학습 이미지 60,000장과 테스트 이미지 10,000장이 있습니다. 이미지마다 28x28 픽셀이고, "
        "픽셀은 0(검정)부터 255(흰색)까지의 숫자입니다. 클래스마다 이미지 수가 같습니다.",
    ),
    "lesson.data.counts_alt": ("Bar chart of the training images in each of the ten classes: the smallest bar is "
                               "{low:,}, the largest {high:,}.",
                               "열 클래스의 학습 이미지 수를 나타낸 막대그래프. 가장 작은 막대는 {low:,}장, 가장 큰 "
                               "막대는 {high:,}장입니다."),
    "lesson.data.say": (
        "The model learns only from the training images. The test images are kept apart to check it fairly "
        "at the end.",
        "모델은 학습 이미지로만 배웁니다. 테스트 이미지는 따로 두었다가 마지막에 공정하게 평가하는 데 씁니다.",
    ),
    "lesson.data.ask": ("Why might it matter that every class has 6,000 training images?",
                        "클래스마다 학습 이미지가 6,000장씩 같다는 것이 왜 중요할까요?"),
    "lesson.data.myth": (
        "That these pictures stand for all the clothes in the world. They are one online shop's product photos, "
        "centred on a plain background: a drawing, or a photo of clothes someone wears, is new to the model.",
        "이 이미지들이 세상의 모든 옷을 대표한다는 생각. 한 온라인 쇼핑몰의 상품 사진을 단색 바탕 가운데에 놓은 "
        "것이라서, 손으로 그린 그림이나 사람이 입은 옷 사진은 모델에게 낯섭니다.",
    ),
    # --- 3. pixels (optional) ---
    "lesson.pixels.title": ("One garment's pixels, and normalisation", "옷 하나의 픽셀과 정규화"),
    "lesson.pixels.body": (
        "Before training, we divide every pixel by 255 so the numbers go from 0 to 1. The original notebook "
        "also tries min-max normalisation: each picture's darkest pixel becomes 0 and its brightest 1. On "
        "Fashion-MNIST the two give almost the same numbers, because its pictures already run from black to "
        "white. Below, the same garment as a dim, grey photo would show it: there the two differ.",
        "학습 전에 모든 픽셀을 255로 나누어 숫자가 0에서 1 사이가 되게 합니다. 원본 노트북은 최소-최대 정규화도 "
        "해 보는데, 이미지마다 가장 어두운 픽셀은 0, 가장 밝은 픽셀은 1이 됩니다. 패션 MNIST의 이미지는 이미 "
        "검정에서 흰색까지 걸쳐 있어서 두 방법의 숫자가 거의 같습니다. 아래에는 같은 옷을 어둡고 흐린 사진처럼 "
        "만들어 두었습니다. 이런 사진에서는 두 방법이 다릅니다.",
    ),
    "lesson.pixels.case_dataset": ("training picture #{index}", "학습 이미지 #{index}"),
    "lesson.pixels.case_dim": ("the same, as a dim photo", "같은 옷, 어두운 사진처럼"),
    "lesson.pixels.caption": (
        "In all {count:,} training pictures the darkest pixel is {darkest} and the brightest at least {peak}: there "
        "min-max and x/255 differ by at most {gap:.1%}. The dim photo's pixels run from {low} to {high}: x/255 "
        "leaves them between {low_share:.2f} and {high_share:.2f}, grey, and min-max stretches them from 0 to 1.",
        "학습 이미지 {count:,}장 모두에서 가장 어두운 픽셀은 {darkest}, 가장 밝은 픽셀은 {peak} 이상입니다. 그래서 "
        "최소-최대 정규화와 x/255의 차이는 {gap:.1%} 이하입니다. 어두운 사진의 픽셀은 {low}에서 {high}까지라서, "
        "x/255로는 {low_share:.2f}에서 {high_share:.2f} 사이의 회색으로 남고, 최소-최대 정규화로는 0에서 1까지 "
        "늘어납니다.",
    ),
    "lesson.pixels.alt": (
        "Two rows, each showing one picture as x/255 and as min-max on one scale from black (0) to white (1), "
        "with both histograms on one axis. Top, a training picture: the two pictures and histograms are the same. "
        "Bottom, the dim photo (pixels {low} to {high}): x/255 is grey with its histogram in the middle, min-max "
        "is black and white with its histogram from 0 to 1.",
        "두 줄의 그림. 줄마다 이미지 하나를 x/255와 최소-최대 정규화로 검정(0)부터 흰색(1)까지 같은 눈금에 그리고, "
        "두 히스토그램을 한 축에 겹쳐 그렸습니다. 위는 학습 이미지로, 두 그림과 히스토그램이 똑같습니다. 아래는 "
        "어두운 사진(픽셀 {low}~{high})으로, x/255는 회색이고 히스토그램이 가운데에 몰려 있으며, 최소-최대 정규화는 "
        "검정에서 흰색까지 쓰고 히스토그램이 0에서 1까지 퍼져 있습니다.",
    ),
    "lesson.pixels.say": (
        "Small, similar-sized inputs make the optimiser's steps well-behaved. The histogram keeps its shape. "
        "Only the axis changes.",
        "작고 비슷한 크기의 입력은 옵티마이저의 걸음을 안정적으로 만듭니다. 히스토그램 모양은 그대로이고 축만 바뀝니다.",
    ),
    "lesson.pixels.ask": ("If a picture's darkest pixel is 0 and its brightest 255, are x/255 and min-max the same "
                          "for it?",
                          "이미지의 가장 어두운 픽셀이 0이고 가장 밝은 픽셀이 255라면, x/255와 최소-최대 정규화는 "
                          "같은 결과일까요?"),
    "lesson.pixels.myth": (
        "That normalising changes what is in the picture. It rescales the numbers, nothing more.",
        "정규화가 이미지의 내용을 바꾼다는 생각. 숫자의 크기만 바꿀 뿐입니다.",
    ),
    # --- 4. grid ---
    "lesson.grid.title": ("The tutorial's 5x5 grid", "튜토리얼의 5x5 격자"),
    "lesson.grid.body": (
        "The first 25 training images with their labels, as the tutorial shows them. Some classes look alike, "
        "even to us.",
        "튜토리얼처럼 처음 25장의 학습 이미지를 레이블과 함께 봅니다. 어떤 클래스들은 사람이 봐도 서로 닮았습니다.",
    ),
    "lesson.grid.alt": ("The first 25 training images in a 5x5 grid, each garment white on black with its class "
                        "name under it.",
                        "처음 25장의 학습 이미지를 5x5 격자로 놓은 그림. 옷마다 검은 바탕에 흰색으로 그려져 있고 "
                        "아래에 클래스 이름이 있습니다."),
    "lesson.grid.say": ("Look for the pairs you would confuse yourself. Later we check whether the model confuses "
                        "the same ones.",
                        "여러분이 헷갈릴 만한 짝을 찾아보세요. 모델도 같은 짝을 헷갈리는지는 뒤에서 확인합니다."),
    "lesson.grid.ask": ("Which two classes would you find hardest to tell apart?",
                        "어떤 두 클래스가 가장 구별하기 어려울까요?"),
    "lesson.grid.myth": ("That labels are always right. A few in any real dataset are wrong.",
                         "레이블은 언제나 옳다는 생각. 실제 데이터에는 틀린 레이블이 조금씩 있습니다."),
    # --- 5. dense ---
    "lesson.dense.title": ("The tutorial's network, and how it learned", "튜토리얼의 신경망과 학습"),
    "lesson.dense.body": (
        "Flatten turns the 28x28 picture into a row of 784 numbers. A Dense layer of 128 units finds patterns, "
        "and a last Dense layer of 10 units gives one probability per class (softmax). The tutorial trains it for "
        "5 epochs: 5 passes over the training images (here 5,000 of them are kept apart to check it as it "
        "learns). The curves show, after each epoch, its loss (how wrong it was: lower is better) and how often it "
        "was right.",
        "Flatten은 28x28 이미지를 숫자 784개의 한 줄로 폅니다. 유닛(노드) 128개의 Dense 층이 패턴을 찾고, 유닛 10개인 "
        "마지막 Dense 층이 클래스마다 확률 하나씩을 냅니다(소프트맥스). 튜토리얼은 5 에포크, 즉 학습 이미지를 5번 "
        "훑으며 학습합니다(여기서는 그중 5,000장을 따로 두고 학습 중에 확인합니다). 그래프는 에포크마다 손실(얼마나 "
        "틀렸는지, 낮을수록 좋음)과 얼마나 자주 맞혔는지를 보여 줍니다.",
    ),
    "lesson.dense.layer": ("Layer", "층"),
    "lesson.dense.shape": ("Output shape", "출력 모양"),
    "lesson.dense.params": ("Weights", "가중치 수"),
    "lesson.dense.trained": ("The model in use: {total} weights in all, epochs {epochs}.",
                             "사용 중인 모델: {epochs} 에포크, 가중치 모두 {total}개."),
    "lesson.dense.epoch": ("epoch", "에포크"),
    "lesson.dense.loss": ("loss (lower is better)", "손실(낮을수록 좋음)"),
    "lesson.dense.accuracy": ("accuracy", "정확도"),
    "lesson.dense.curve_train": ("on its training images", "학습 이미지"),
    "lesson.dense.curve_validation": ("on the validation images", "검증 이미지"),
    "lesson.dense.curves_caption": ("Measured on its training images during each epoch, as Keras reports it, and "
                                    "stored with the model.",
                                    "에포크마다 학습 이미지에서 잰 값으로, Keras가 알려 준 값을 모델과 함께 저장해 "
                                    "두었습니다."),
    "lesson.dense.curves_alt": (
        "Two line charts over {epochs} epochs: the loss on its training images falls from {first:.2f} to "
        "{last:.2f}, and its accuracy on them rises from {start:.1%} to {end:.1%}.",
        "에포크 {epochs}번에 걸친 선 그래프 두 개. 학습 이미지에서 손실은 {first:.2f}에서 시작해 {last:.2f}까지 "
        "줄고, 정확도는 {start:.1%}에서 {end:.1%}까지 오릅니다.",
    ),
    "lesson.dense.no_history": ("This model's file stores no training history, so its curves cannot be drawn. "
                                "The figures below are measured now.",
                                "이 모델 파일에는 학습 기록이 없어서 그래프를 그릴 수 없습니다. 아래 숫자는 지금 잰 "
                                "값입니다."),
    "lesson.dense.measuring": ("Measuring it on its training images …", "학습 이미지에서 재는 중 …"),
    "lesson.dense.train_metric": ("Right on its own training images", "자기 학습 이미지에서 맞힌 비율"),
    "lesson.dense.train_help": ("Measured now on the {count:,} images it learned from.",
                                "모델이 배운 이미지 {count:,}장에서 지금 잰 값입니다."),
    "lesson.dense.question": (
        "It is right on the share above of its own training images. On the 10,000 test images it has never seen, "
        "will it be right more often, about as often (within one point), or less often?",
        "이 모델은 자기 학습 이미지에서 위의 비율만큼 맞힙니다. 한 번도 본 적 없는 테스트 이미지 10,000장에서는 "
        "더 자주 맞힐까요, 거의 같을까요(1%p 이내), 덜 맞힐까요?",
    ),
    "lesson.dense.choice_0": ("More often", "더 자주 맞힘"),
    "lesson.dense.choice_1": ("About as often", "거의 같음"),
    "lesson.dense.choice_2": ("Less often", "덜 맞힘"),
    "lesson.dense.reveal": (
        "Both computed now: on the {train_count:,} training images it learned from, and on the {test_count:,} test "
        "images. The curves add the validation images, which it never learned from, measured after each epoch.",
        "두 값 모두 지금 계산했습니다. 모델이 배운 학습 이미지 {train_count:,}장과 테스트 이미지 {test_count:,}장에서 "
        "잰 값입니다. 그래프에는 모델이 배우지 않은 검증 이미지에서 에포크마다 잰 값을 더했습니다.",
    ),
    "lesson.dense.validation_alt": (
        "The same two charts with the validation images added. After the last of {epochs} epochs: {train:.1%} right "
        "on its training images, {validation:.1%} on the validation images.",
        "같은 그래프에 검증 이미지를 더했습니다. 에포크 {epochs}번 중 마지막에는 학습 이미지에서 {train:.1%}, 검증 "
        "이미지에서 {validation:.1%}를 맞혔습니다.",
    ),
    "lesson.dense.say": (
        "This network does not even know that neighbouring pixels belong together, yet it gets most garments "
        "right. In each epoch it sees every training image once and nudges its weights to be a little less wrong.",
        "이 신경망은 이웃한 픽셀끼리 관련이 있다는 것조차 모르지만 옷 대부분을 맞힙니다. 에포크마다 학습 이미지를 "
        "한 번씩 보고, 조금 덜 틀리도록 가중치를 조금씩 고칩니다.",
    ),
    "lesson.dense.ask": ("Where do the 100,480 weights of the first Dense layer come from? (784 x 128 + 128)",
                         "첫 Dense 층의 가중치 100,480개는 어디서 나올까요? (784 x 128 + 128)"),
    "lesson.dense.myth": (
        "That more epochs always help. In this model's last epoch, its accuracy on the training images still rose, "
        "but on the validation images it stood still: the start of overfitting.",
        "에포크가 많을수록 항상 좋다는 생각. 이 모델의 마지막 에포크에서 학습 이미지의 정확도는 계속 올랐지만 검증 "
        "이미지의 정확도는 제자리였습니다. 과대적합이 시작된 것입니다.",
    ),
    # --- 6. one ---
    "lesson.one.title": ("One test image, ten probabilities", "테스트 이미지 하나, 확률 10개"),
    "lesson.one.body": (
        "The model answers with ten probabilities that add up to 1. The tutorial draws them as bars: the "
        "predicted class in red when it is wrong, the true class in blue. Below: what its confidence is worth. "
        "Its answers to all the test images are grouped by how sure it was, and each bar shows how often those "
        "answers were right.",
        "모델은 합이 1인 확률 10개로 답합니다. 튜토리얼은 이를 막대로 그립니다. 틀렸을 때 예측 클래스는 빨강, "
        "정답 클래스는 파랑입니다. 아래에서는 모델의 확신이 얼마나 믿을 만한지 봅니다. 테스트 이미지 전체에 대한 "
        "답을 모델이 얼마나 확신했는지에 따라 묶고, 막대마다 그 답이 맞은 비율을 보여 줍니다.",
    ),
    "lesson.one.pair_alt": ("Test picture #{index}, a {truth}, beside the model's ten bars: the tallest is "
                            "{predicted}, {percent:.0%}.",
                            "테스트 이미지 #{index}, 정답은 {truth}. 옆에 모델의 막대 10개가 있고, 가장 긴 막대는 "
                            "{predicted}, {percent:.0%}입니다."),
    "lesson.one.series_test": ("test images", "테스트 이미지"),
    "lesson.one.xlabel": ("how sure the model was (its largest probability)", "모델의 확신(가장 큰 확률)"),
    "lesson.one.ylabel": ("answers that were right", "맞은 답의 비율"),
    "lesson.one.ideal": ("how sure it was, on average", "평균 확신"),
    "lesson.one.calibration_alt": (
        "Bar chart with one bar per band of confidence, from 0–50% to 99–100%: each bar is the share of those "
        "answers that were right, beside a black line at how sure the model was on average. The largest gap "
        "between a bar and its line is {gap:.1%}. Of the {sure:,} answers given at 95% or more, {right:.1%} were "
        "right.",
        "확신 구간마다 막대 하나씩(0–50%부터 99–100%까지) 있는 막대그래프. 막대는 그 구간의 답 중 맞은 비율이고, "
        "검은 선은 그 구간에서 모델이 평균적으로 확신한 정도입니다. 막대와 선의 차이는 가장 큰 것이 {gap:.1%}입니다. "
        "95% 이상 확신한 답 {sure:,}개 중 {right:.1%}가 맞았습니다.",
    ),
    "lesson.one.honest": (
        "On the test images its confidence is honest: in every band the share of right answers is within {gap:.1%} "
        "of how sure it was. Of its {sure:,} answers given at 95% or more, {right:.1%} were right ({wrong} wrong).",
        "테스트 이미지에서는 모델의 확신을 믿을 만합니다. 모든 구간에서 맞은 비율과 확신의 차이가 {gap:.1%} 이내입니다. "
        "95% 이상 확신한 답 {sure:,}개 중 {right:.1%}가 맞았습니다(틀린 답 {wrong}개).",
    ),
    "lesson.one.not_honest": (
        "On the test images its confidence is not honest: in one band the share of right answers is {gap:.1%} away "
        "from how sure it was. Of its {sure:,} answers given at 95% or more, {right:.1%} were right ({wrong} wrong).",
        "테스트 이미지에서도 모델의 확신을 그대로 믿기 어렵습니다. 한 구간에서 맞은 비율과 확신의 차이가 {gap:.1%}입니다. "
        "95% 이상 확신한 답 {sure:,}개 중 {right:.1%}가 맞았습니다(틀린 답 {wrong}개).",
    ),
    "lesson.one.say": ("Try a few numbers. A confident answer is not always a right one, but on pictures like "
                       "these, the model's confidence is worth about what it says.",
                       "번호를 몇 개 바꿔 보세요. 자신 있는 답이 언제나 맞는 답은 아니지만, 이런 이미지에서는 모델의 "
                       "확신이 말한 만큼 믿을 만합니다."),
    "lesson.one.ask": ("If it says 95% on 100 test images, about how many will be wrong?",
                       "모델이 테스트 이미지 100장에 95%라고 답하면, 그중 몇 장쯤 틀릴까요?"),
    "lesson.one.myth": (
        "That a probability is only the model's mood. On the test images, its answers given at 95 to 99% are right "
        "about 95 times in 100. Whether that holds on other pictures, we test at the drawing step.",
        "확률은 모델의 기분일 뿐이라는 생각. 테스트 이미지에서 95~99%로 답한 것은 100번 중 95번쯤 맞습니다. 다른 "
        "그림에서도 그런지는 그리기 단계에서 확인합니다.",
    ),
    # --- 7. errors ---
    "lesson.errors.title": ("Where it goes wrong", "모델은 어디서 틀릴까요"),
    "lesson.errors.body": (
        "The tutorial's grid of 15 test images in a row, each with its bars: blue when right, red when wrong. It "
        "starts where the model makes mistakes. The button shows one of its confident mistakes: a wrong answer "
        "given with 90% or more.",
        "튜토리얼의 격자로, 연달아 있는 테스트 이미지 15장과 막대를 보여 줍니다. 맞으면 파랑, 틀리면 빨강입니다. 모델이 "
        "틀리는 곳에서 시작합니다. 버튼을 누르면 모델이 자신 있게 틀린 답, 즉 90% 이상으로 답했는데 틀린 것을 하나 "
        "보여 줍니다.",
    ),
    "lesson.errors.grid_caption": ("Test images {first}–{last}: the first 15 in a row with at least 3 mistakes. "
                                   "Here {count} are red.",
                                   "테스트 이미지 {first}–{last}: 연달아 있는 15장 중 틀린 것이 3장 이상인 첫 구간입니다. "
                                   "여기서는 {count}장이 빨강입니다."),
    "lesson.errors.grid_alt": (
        "The tutorial's grid: test images {first} to {last}, each beside its ten bars. {count} are wrong, with a "
        "red caption and a red top bar: {mistakes}. The others are blue.",
        "튜토리얼의 격자. 테스트 이미지 {first}번부터 {last}번까지 막대 10개와 함께 있습니다. 틀린 {count}장은 "
        "설명과 가장 긴 막대가 빨강입니다. {mistakes}. 나머지는 파랑입니다.",
    ),
    "lesson.errors.mistake": ("#{index} {truth} taken for {predicted}", "#{index} 정답 {truth}, 모델의 답 {predicted}"),
    "lesson.errors.show_confident": ("Show me a confident mistake", "자신 있게 틀린 답 보기"),
    "lesson.errors.confident_caption": (
        "Test picture #{index}: really **{truth}**, the model says **{predicted}** ({percent:.0%}). One of its "
        "{count} wrong answers given with {at_least:.0%} or more.",
        "테스트 이미지 #{index}: 정답은 **{truth}**, 모델의 답은 **{predicted}**({percent:.0%}). 모델이 {at_least:.0%} "
        "이상으로 답했는데 틀린 {count}개 중 하나입니다.",
    ),
    "lesson.errors.question": ("Which of these four classes will the tutorial's model get wrong most often?",
                               "이 네 클래스 중 튜토리얼의 모델이 가장 자주 틀리는 것은 무엇일까요?"),
    "lesson.errors.choice_0": ("T-shirt/top", "티셔츠/탑"),
    "lesson.errors.choice_1": ("Pullover", "스웨터"),
    "lesson.errors.choice_2": ("Coat", "코트"),
    "lesson.errors.choice_3": ("Shirt", "셔츠"),
    "lesson.errors.ylabel": ("% of the class answered wrong", "클래스에서 틀린 비율(%)"),
    "lesson.errors.reveal": (
        "Left: how often each class is answered wrong. Right: the confusion matrix (rows: the true class, "
        "columns: the model's answer).",
        "왼쪽은 클래스마다 틀린 비율, 오른쪽은 혼동 행렬입니다(행은 정답 클래스, 열은 모델의 답).",
    ),
    "lesson.errors.rates_alt": ("Bar chart of each class's share answered wrong: {worst} is highest at {share:.0%}, "
                                "{best} lowest at {low:.0%}.",
                                "클래스마다 틀린 비율을 나타낸 막대그래프. 가장 높은 것은 {worst}({share:.0%}), 가장 "
                                "낮은 것은 {best}({low:.0%})입니다."),
    "lesson.errors.confusion_alt": (
        "The confusion matrix: rows are the true classes, columns the model's answers, right answers on the "
        "diagonal. The largest number off it: {truth} taken for {predicted}, {count} times.",
        "혼동 행렬. 행은 정답 클래스, 열은 모델의 답이고, 대각선이 맞은 답입니다. 대각선 밖에서 가장 큰 숫자는 정답 "
        "{truth}, 모델의 답 {predicted}인 경우로 {count}번입니다.",
    ),
    "lesson.errors.say": (
        "Find the red ones in the grid: what did the model take each garment for? Would you have made the same "
        "mistake?",
        "격자에서 빨간 것을 찾아보세요. 모델은 각 옷을 무엇으로 착각했나요? 여러분이라도 같은 실수를 했을까요?",
    ),
    "lesson.errors.ask": ("Read one cell of the confusion matrix aloud: what does its number mean?",
                          "혼동 행렬의 숫자(셀) 하나를 골라 소리 내어 읽어 보세요. 그 숫자는 무슨 뜻인가요?"),
    "lesson.errors.myth": (
        "That one accuracy number says everything. The mistakes are not spread evenly: some classes are answered "
        "wrong many times more often than others.",
        "정확도 숫자 하나가 모든 것을 말해 준다는 생각. 실수는 고르게 퍼져 있지 않습니다. 어떤 클래스는 다른 클래스보다 "
        "몇 배나 자주 틀립니다.",
    ),
    # --- 8. single (optional) ---
    "lesson.single.title": ("One garment on a bigger canvas", "더 큰 캔버스 위의 옷 하나"),
    "lesson.single.body": (
        "Now the second notebook. It puts one garment into one of the four quadrants of a 56x56 canvas, the "
        "others left black. The label is still one class. The studio's canvas model answers each quadrant with "
        "the same small network, so the quadrant cannot change its answer. The notebook's plain CNN sees the "
        "whole canvas at once, and had to learn from examples that a garment is the same in every quadrant.",
        "이제 두 번째 노트북입니다. 56x56 캔버스의 네 칸(사분면) 중 한 칸에 옷 하나를 넣고, 나머지 칸은 검게 둡니다. "
        "레이블은 여전히 클래스 하나입니다. 스튜디오의 캔버스 모델은 칸마다 같은 작은 신경망으로 답하므로, 옷이 어느 "
        "칸에 있든 답이 바뀔 수 없습니다. 원본 노트북의 단순 CNN은 캔버스 전체를 한꺼번에 보기 때문에, 옷이 어느 칸에 "
        "있든 같은 옷이라는 것을 예시에서 배워야 했습니다.",
    ),
    "lesson.single.caption": ("In the four quadrants, this model gives {name} between {low:.1%} and {high:.1%}.",
                              "네 칸에 차례로 놓았을 때 이 모델이 {name}에 준 확률은 {low:.1%}에서 {high:.1%} 사이입니다."),
    "lesson.single.say": ("Move the garment between quadrants and watch the bars.",
                          "옷을 다른 칸으로 옮기면서 막대를 지켜보세요."),
    "lesson.single.ask": ("Why can't we simply use the tutorial's 28x28 network on this canvas?",
                          "왜 튜토리얼의 28x28 신경망을 이 캔버스에 그대로 쓸 수 없을까요?"),
    "lesson.single.myth": (
        "That every network knows a garment is the same wherever it is. The notebook's plain CNN changes its "
        "answer for some test garments when they move to another quadrant; the studio's tile network cannot, by "
        "construction.",
        "어떤 신경망이든 옷이 어디에 있든 같은 옷인 줄 안다는 생각. 원본 노트북의 단순 CNN은 테스트 옷 몇몇을 다른 "
        "칸으로 옮기면 답을 바꿉니다. 스튜디오의 타일 신경망은 구조상 답을 바꿀 수 없습니다.",
    ),
    # --- 9. multi ---
    "lesson.multi.title": ("Up to four garments, and the multi-hot label", "옷 최대 네 개와 멀티-핫 레이블"),
    "lesson.multi.body": (
        "The notebook then fills 0 to 4 quadrants at random. Its label has ten places, one per class: 1 if that "
        "class is on the canvas, 0 if not. A class that appears twice is still a single 1.",
        "노트북은 이어서 0~4개의 칸을 무작위로 채웁니다. 레이블에는 클래스마다 한 자리씩 열 자리가 있어, 그 클래스가 "
        "캔버스에 있으면 1, 없으면 0입니다. 같은 클래스가 두 번 나와도 1 하나입니다.",
    ),
    "lesson.multi.say": ("Count the 1s and the garments: when do they differ?",
                         "1의 개수와 옷의 개수를 세어 보세요. 언제 서로 다를까요?"),
    "lesson.multi.ask": ("What is the label of an empty canvas?", "빈 캔버스의 레이블은 무엇일까요?"),
    "lesson.multi.myth": ("That the label says where each garment is. It only says which classes are there.",
                          "레이블이 옷의 위치를 알려 준다는 생각. 어떤 클래스가 있는지만 알려 줍니다."),
    # --- 10. conv ---
    "lesson.conv.title": ("What a convolution sees", "합성곱이 보는 것"),
    "lesson.conv.body": (
        "The canvas models are convolutional networks (CNN). Their first layer slides small filters over the "
        "picture: 3x3 squares of weights, learned like all the others. At each position a filter multiplies the 9 "
        "pixels under it by its weights and adds them up. Done everywhere, that makes its feature map: bright where "
        "the picture matches the filter's pattern. Here are the 16 first filters of the notebook's plain CNN, each "
        "with its map of a canvas of four garments.",
        "캔버스 모델은 합성곱 신경망(CNN)입니다. 첫 층은 작은 필터를 이미지 위로 밀면서 지나갑니다. 필터는 다른 "
        "가중치처럼 학습된 3x3 크기의 가중치입니다. 필터는 자리마다 아래에 있는 픽셀 9개에 가중치를 곱해 더합니다. "
        "이것을 모든 자리에서 하면 그 필터의 특성 맵(feature map)이 됩니다. 이미지가 필터의 무늬와 닮은 곳이 밝습니다. "
        "아래는 원본 노트북 단순 CNN의 첫 필터 16개와, 옷 네 개가 든 캔버스에서 얻은 특성 맵입니다.",
    ),
    "lesson.conv.filter": ("filter {n}", "필터 {n}"),
    "lesson.conv.picture": ("the canvas", "캔버스"),
    "lesson.conv.caption": (
        "{filters} filters of {size} weights, each drawn above the right corner of its map (red above 0, blue below). "
        "The {edges} in a dashed orange frame have weights that add up to about 0: an even patch, dark or bright, "
        "gives them almost nothing, so they light up only where brightness changes, at edges.",
        "필터 {filters}개, 필터마다 가중치 {size}개이며, 특성 맵의 오른쪽 위에 그렸습니다(0보다 크면 빨강, 작으면 파랑). "
        "주황색 점선 테두리를 두른 {edges}개는 가중치를 더하면 거의 0입니다. 그래서 어둡든 밝든 고른 곳에서는 거의 "
        "반응하지 않고, 밝기가 바뀌는 곳, 즉 가장자리에서만 밝아집니다.",
    ),
    "lesson.conv.alt": (
        "The canvas (four garments, one per quadrant) and {filters} small copies of it, one per filter, each bright "
        "where that filter answered strongly. The {edges} edge filters, framed in dashed orange, are bright only "
        "along the garments' outlines and inner lines.",
        "캔버스(칸마다 옷 하나씩, 모두 네 개)와 필터마다 하나씩 그린 작은 특성 맵 {filters}개. 필터가 강하게 반응한 곳이 "
        "밝습니다. 주황색 점선 테두리의 가장자리 필터 {edges}개는 옷의 윤곽선과 안쪽 선을 따라서만 밝습니다.",
    ),
    "lesson.conv.say": (
        "A filter is a tiny pattern detector. Nobody chose these patterns: they are weights, learned from the "
        "training canvases like all the others.",
        "필터는 아주 작은 무늬 탐지기입니다. 이 무늬는 아무도 정해 주지 않았습니다. 다른 가중치처럼 학습 캔버스에서 "
        "배운 것입니다.",
    ),
    "lesson.conv.ask": ("Which filters light up along the garments' edges, and which on their bright areas?",
                        "어떤 필터가 옷의 가장자리를 따라 밝아지고, 어떤 필터가 밝은 면에서 밝아지나요?"),
    "lesson.conv.myth": (
        "That a CNN looks at the whole picture at once. Its first layer looks at 3x3 pixels at a time; only its "
        "later layers put those answers together into bigger shapes.",
        "CNN이 이미지 전체를 한꺼번에 본다는 생각. 첫 층은 한 번에 3x3 픽셀만 봅니다. 그 답을 모아 더 큰 모양을 "
        "알아보는 것은 뒤쪽 층입니다.",
    ),
    # --- 11. versus ---
    "lesson.versus.title": ("One canvas, two garments: what softmax can say", "캔버스 하나, 옷 두 개: 소프트맥스의 답"),
    "lesson.versus.body": (
        "This canvas holds a Bag and a Sneaker. We ask the original notebook's CNN, which ends as the textbook does: "
        "Dense(10, softmax), ten probabilities that must add up to 1, the largest being its answer.",
        "이 캔버스에는 가방과 스니커즈가 있습니다. 원본 노트북의 CNN에게 물어봅니다. 이 CNN은 교과서처럼 "
        "Dense(10, softmax)로 끝납니다. 합이 1이어야 하는 확률 10개를 내고, 가장 큰 것이 답입니다.",
    ),
    "lesson.versus.canvas_alt": ("A 56x56 canvas in four quadrants: a bag top left, a sneaker bottom right, the "
                                 "other two black.",
                                 "네 칸으로 나뉜 56x56 캔버스. 왼쪽 위에 가방, 오른쪽 아래에 스니커즈가 있고 나머지 두 칸은 "
                                 "검습니다."),
    "lesson.versus.question": ("What will the softmax CNN's ten bars look like on this canvas?",
                               "이 캔버스에서 소프트맥스 CNN의 막대 10개는 어떤 모양일까요?"),
    "lesson.versus.choice_0": ("About half on the Bag and half on the Sneaker", "가방과 스니커즈에 절반씩"),
    "lesson.versus.choice_1": ("Nearly all on one of the two", "둘 중 하나에 거의 전부"),
    "lesson.versus.choice_2": ("Nearly all on both", "둘 다에 거의 전부"),
    "lesson.versus.choice_3": ("Something else", "그 밖의 모양"),
    "lesson.versus.bars_alt": ("The softmax CNN's ten bars, largest first: {bars}.",
                               "소프트맥스 CNN의 막대 10개, 큰 것부터: {bars}."),
    "lesson.versus.tiles": (
        "The studio's own canvas model ({model}) gives the Bag {bag:.0%} and the Sneaker {sneaker:.0%}. It answers "
        "each quadrant on its own, then adds the four answers up and divides by their total: two garments it is sure "
        "of get about half each, by construction. Neither model can say 'both'.",
        "스튜디오의 캔버스 모델({model})은 가방에 {bag:.0%}, 스니커즈에 {sneaker:.0%}를 줍니다. 이 모델은 칸마다 따로 "
        "답한 뒤 네 답을 더하고 그 합으로 나누므로, 확신하는 옷이 두 개면 구조상 절반쯤씩 받습니다. 어느 모델도 '둘 "
        "다'라고 답할 수는 없습니다.",
    ),
    "lesson.versus.say": (
        "This is the heart of the second notebook. Ten bars that must add up to 1 can say only one thing: which "
        "class is most likely. 'Both' is an answer such a model cannot give.",
        "두 번째 노트북의 핵심입니다. 합이 1이어야 하는 막대 10개로는 한 가지만 말할 수 있습니다. 어느 클래스일 "
        "가능성이 가장 큰가 하는 것입니다. '둘 다'는 이런 모델이 낼 수 없는 답입니다.",
    ),
    "lesson.versus.ask": ("Hands up if you chose 'Nearly all on both'. What would a model need to be able to say it?",
                          "'둘 다에 거의 전부'를 고른 사람, 손 들어 볼까요? 모델이 그렇게 답하려면 무엇이 필요할까요?"),
    "lesson.versus.myth": (
        "That a softmax model shows two garments as two high bars, or as a 50/50 split meaning 'both'. Two bars near "
        "100% cannot add up to 1. The notebook's CNN usually bets nearly all on one of them; the studio's tile "
        "network splits about half and half by construction. Neither means 'both are there'.",
        "소프트맥스 모델이 옷 두 개를 높은 막대 두 개나, '둘 다'를 뜻하는 50:50으로 보여 준다는 생각. 100%에 가까운 "
        "막대 두 개는 합이 1이 될 수 없습니다. 원본 노트북의 CNN은 대개 둘 중 하나에 거의 전부를 걸고, 스튜디오의 "
        "타일 신경망은 구조상 절반쯤씩 나눕니다. 어느 쪽도 '둘 다 있다'는 뜻이 아닙니다.",
    ),
    # --- 12. sigmoid ---
    "lesson.sigmoid.title": ("The decision threshold", "판정 임계값"),
    "lesson.sigmoid.body": (
        "The notebook's multi-label CNN ends in ten sigmoids, Dense(10, sigmoid): each class gets its own "
        "probability between 0 and 1, whatever the others get. A class counts as present when its bar reaches the "
        "threshold line, drawn at the threshold this model stores. Predict first: after the answer, you can move "
        "the threshold yourself.",
        "원본 노트북의 다중 레이블 CNN은 시그모이드 10개, 즉 Dense(10, sigmoid)로 끝납니다. 클래스마다 다른 클래스와 "
        "상관없이 0과 1 사이의 확률을 받습니다. 막대가 임계값 선에 닿으면 그 클래스가 있다고 판정합니다. 선은 이 "
        "모델에 저장된 임계값에 그려져 있습니다. 먼저 예상해 보세요. 답한 뒤에는 임계값을 직접 움직일 수 있습니다.",
    ),
    "lesson.sigmoid.question": (
        "Which threshold makes the model name exactly the two garments on this canvas, nothing more, nothing less?",
        "이 캔버스의 옷 두 개를 더도 덜도 말고 정확히 말하게 하는 임계값은 무엇일까요?",
    ),
    "lesson.sigmoid.choice_0": ("0.2", "0.2"),
    "lesson.sigmoid.choice_1": ("0.5", "0.5"),
    "lesson.sigmoid.choice_2": ("0.8", "0.8"),
    "lesson.sigmoid.choice_3": ("Any of the three", "셋 다"),
    "lesson.sigmoid.bars_alt": ("The multi-label CNN's bars, largest first: {bars}. Threshold line at "
                                "{threshold:.2f}.",
                                "다중 레이블 CNN의 막대, 큰 것부터: {bars}. 임계값 선은 {threshold:.2f}입니다."),
    "lesson.sigmoid.reveal": (
        "Over the {count:,} test canvases, the threshold {best:.2f} gets the most canvases exactly right "
        "({share:.1%}). This model stores {stored:.2f}, chosen on its validation canvases.",
        "테스트 캔버스 {count:,}장 전체에서 완전 일치율이 가장 높은 임계값은 {best:.2f}입니다({share:.1%}). 이 모델에 "
        "저장된 임계값은 검증 캔버스로 고른 {stored:.2f}입니다.",
    ),
    "lesson.sigmoid.curve_alt": (
        "Line chart of four scores against the threshold, from 0.05 to 0.95, over the test canvases. Exact match is "
        "highest at {best:.2f} ({share:.1%}); a dotted line marks the stored threshold, {stored:.2f}.",
        "테스트 캔버스에서 임계값(0.05~0.95)에 따른 점수 네 가지를 그린 선 그래프. 완전 일치율은 {best:.2f}에서 가장 "
        "높고({share:.1%}), 점선이 가리키는 것은 저장된 임계값 {stored:.2f}입니다.",
    ),
    "lesson.sigmoid.say": (
        "A low threshold finds more garments and makes more false alarms. A high one misses garments. This model "
        "stores the threshold that scored best on its validation canvases.",
        "임계값이 낮으면 옷을 더 찾지만 오탐(없는 옷을 있다고 함)도 늘고, 높으면 옷을 놓칩니다. 이 모델은 검증 "
        "캔버스에서 가장 좋았던 임계값을 저장해 둡니다.",
    ),
    "lesson.sigmoid.ask": ("What threshold would you choose for a shop's stock count, and for a security check?",
                           "가게의 재고 조사와 보안 검사라면 각각 어떤 임계값을 고르겠어요?"),
    "lesson.sigmoid.myth": (
        "That a higher threshold is always safer, or that it does not matter when the model is sure. Too high, and "
        "the model misses garments it found; too low, and it names garments that are not there. Over the test "
        "canvases, 0.2 and 0.8 both get fewer canvases exactly right than the stored threshold.",
        "임계값이 높을수록 언제나 안전하다거나, 모델이 확신하면 임계값은 상관없다는 생각. 너무 높으면 찾은 옷도 "
        "놓치고, 너무 낮으면 없는 옷을 있다고 합니다. 테스트 캔버스 전체에서 0.2와 0.8은 둘 다 저장된 임계값보다 "
        "완전 일치율이 낮습니다.",
    ),
    # --- 13. looked (optional) ---
    "lesson.looked.title": ("Where the model looked", "모델이 본 곳"),
    "lesson.looked.body": (
        "We can ask which pixels pushed the model's probability for one class up, and draw them as a saliency map: "
        "bright where the ink raised that class's probability. Here we ask the notebook's multi-label CNN about the "
        "Bag.",
        "어떤 픽셀이 한 클래스의 확률을 끌어올렸는지 물어보고, 그것을 중요도 맵(saliency map)으로 그릴 수 있습니다. "
        "옷의 밝은 픽셀이 그 클래스의 확률을 올린 곳이 밝게 나옵니다. 여기서는 원본 노트북의 다중 레이블 CNN에게 "
        "가방에 대해 묻습니다.",
    ),
    "lesson.looked.map_title": ("Where the multi-label CNN found {name}", "다중 레이블 CNN이 찾아본 곳: {name}"),
    "lesson.looked.alt": ("The canvas under its saliency map for the {name}: {share:.0%} of the brightness is in "
                          "the top-left quadrant, where the bag is; the empty quadrants are black.",
                          "{name}에 대한 중요도 맵을 캔버스 위에 겹친 그림. 밝기의 {share:.0%}가 가방이 있는 왼쪽 위 "
                          "칸에 있고, 빈 칸은 검습니다."),
    "lesson.looked.question": ("Now the same map, asked about the Ankle boot: a class that is not on this canvas. "
                               "Where will it be brightest?",
                               "이번에는 이 캔버스에 없는 클래스인 앵클부츠에 대해 같은 중요도 맵을 그립니다. 어디가 가장 "
                               "밝을까요?"),
    "lesson.looked.choice_0": ("On the Bag", "가방"),
    "lesson.looked.choice_1": ("On the Sneaker", "스니커즈"),
    "lesson.looked.choice_2": ("On the empty quadrants", "빈 칸"),
    "lesson.looked.choice_3": ("Nowhere: there is no ankle boot", "어디도 아님(앵클부츠가 없으므로)"),
    "lesson.looked.reveal": (
        "Asked about the {name} (its probability here: {percent:.0%}), the map puts {sneaker:.0%} of its brightness "
        "on the Sneaker, {bag:.0%} on the Bag and {empty:.0%} on the empty quadrants. With this method a black pixel "
        "gets no brightness, so only ink can light up.",
        "{name}에 대해 물으면(여기서 그 확률은 {percent:.0%}), 중요도 맵은 밝기의 {sneaker:.0%}를 스니커즈에, "
        "{bag:.0%}를 가방에, {empty:.0%}를 빈 칸에 둡니다. 이 방법에서는 검은 픽셀이 밝아지지 않으므로 옷이 있는 "
        "곳만 밝아질 수 있습니다.",
    ),
    "lesson.looked.reveal_alt": ("The canvas under the saliency map for the {name}: {sneaker:.0%} of the brightness "
                                 "on the sneaker, {bag:.0%} on the bag, {empty:.0%} on the empty quadrants.",
                                 "{name}에 대한 중요도 맵을 캔버스 위에 겹친 그림. 밝기의 {sneaker:.0%}는 스니커즈에, "
                                 "{bag:.0%}는 가방에, {empty:.0%}는 빈 칸에 있습니다."),
    "lesson.looked.say": (
        "A map like this checks that a model is right for the right reason, not because of a background or a "
        "border.",
        "이런 중요도 맵으로 모델이 배경이나 테두리 때문이 아니라 올바른 이유로 맞혔는지 확인할 수 있습니다.",
    ),
    "lesson.looked.ask": ("Why would the sneaker's pixels raise the probability of an ankle boot? What do the two "
                          "share?",
                          "스니커즈의 픽셀이 왜 앵클부츠의 확률을 올릴까요? 둘은 무엇이 닮았나요?"),
    "lesson.looked.myth": (
        "That a saliency map shows where the garment is. It shows which ink pushed one class's probability up, "
        "even for a class that is not there.",
        "중요도 맵이 옷이 있는 곳을 보여 준다는 생각. 어떤 픽셀이 한 클래스의 확률을 올렸는지를 보여 줄 뿐이라서, "
        "캔버스에 없는 클래스에 대해서도 밝아집니다.",
    ),
    # --- 14. own ---
    "lesson.own.title": ("A garment of your own", "나만의 옷"),
    "lesson.own.body": (
        "Draw a garment: light lines on the dark square, as in the dataset. The models answer after every "
        "stroke. On the Draw & upload page you can also upload or take a photo. Below, test garments redrawn as "
        "outlines: thin lines, no texture, like a drawing.",
        "옷을 그려 보세요. 데이터처럼 어두운 바탕에 밝은 선으로 그립니다. 한 획을 그을 때마다 모델이 답합니다. "
        "그리기·사진 올리기 페이지에서는 사진을 올리거나 찍을 수도 있습니다. 아래는 테스트 옷을 윤곽선으로 다시 그린 "
        "것입니다. 그림처럼 선이 가늘고 질감이 없습니다.",
    ),
    "lesson.own.outlines_title": ("Test garments and their outlines", "테스트 옷과 그 윤곽선"),
    "lesson.own.outlines_alt": ("Two rows of {count}: the first test garments, white on black, and under each the "
                                "same garment as an outline one pixel wide.",
                                "{count}장씩 두 줄. 위는 검은 바탕의 첫 테스트 옷들이고, 아래는 같은 옷을 한 픽셀 굵기의 "
                                "윤곽선으로 그린 것입니다."),
    "lesson.own.outlines_caption": ("All 10,000 test garments were redrawn this way: each garment's edge as a line "
                                    "one pixel wide.",
                                    "테스트 옷 10,000개를 모두 이렇게 다시 그렸습니다. 옷의 가장자리를 한 픽셀 굵기의 "
                                    "선으로 그린 것입니다."),
    "lesson.own.question": ("When the tutorial's model is 95% sure or more about an outline, how often is it right?",
                            "튜토리얼의 모델이 윤곽선 그림에 95% 이상 확신할 때, 얼마나 자주 맞을까요?"),
    "lesson.own.choice_0": ("About 95% of the time", "95%쯤"),
    "lesson.own.choice_1": ("About 70% of the time", "70%쯤"),
    "lesson.own.choice_2": ("About 45% of the time", "45%쯤"),
    "lesson.own.choice_3": ("About 20% of the time", "20%쯤"),
    "lesson.own.series_outlines": ("outlines", "윤곽선"),
    "lesson.own.reveal": (
        "On outlines the tutorial's model is right {accuracy:.0%} of the time (on the test images {test_accuracy:.0%}). "
        "Of its {sure:,} answers given at 95% or more, {share:.0%} are right, against {test:.0%} on the test images. "
        "Its confidence was measured on pictures like its training images: on outlines it is not worth what it "
        "says.",
        "윤곽선에서 튜토리얼의 모델은 {accuracy:.0%}를 맞힙니다(테스트 이미지에서는 {test_accuracy:.0%}). 95% 이상 "
        "확신한 답 {sure:,}개 중 {share:.0%}가 맞았고, 테스트 이미지에서는 {test:.0%}였습니다. 모델의 확신은 학습 "
        "이미지와 닮은 그림에서 잰 것이라서, 윤곽선에서는 말한 만큼 믿을 수 없습니다.",
    ),
    "lesson.own.calibration_alt": (
        "The confidence bars for the test images and, beside them, for their outlines: in every band the outlines' "
        "bar is lower. Of {sure:,} answers on outlines given at 95% or more, {share:.0%} were right, against "
        "{test:.1%} on the test images.",
        "테스트 이미지와 그 윤곽선의 확신 구간별 막대를 나란히 그린 그래프. 모든 구간에서 윤곽선의 막대가 더 낮습니다. "
        "윤곽선에서 95% 이상 확신한 답 {sure:,}개 중 {share:.0%}가 맞았고, 테스트 이미지에서는 {test:.1%}였습니다.",
    ),
    "lesson.own.say": (
        "Drawings look different from the photos the models learned from: thin lines, no texture. When a model is "
        "wrong here, it shows us what its training pictures were like.",
        "그림은 모델이 배운 사진과 다릅니다. 선이 가늘고 질감이 없습니다. 여기서 모델이 틀리는 것을 보면 학습 데이터가 "
        "어떤 사진이었는지 알 수 있습니다.",
    ),
    "lesson.own.ask": ("Can you draw something the models confidently call a bag, that is not a bag?",
                       "가방이 아닌데 모델이 자신 있게 가방이라고 답하는 그림을 그릴 수 있나요?"),
    "lesson.own.myth": (
        "That a model's 95% means the same on any picture. On the test images it did; on outlines of the same "
        "garments it does not.",
        "모델의 95%가 어떤 그림에서든 같은 뜻이라는 생각. 테스트 이미지에서는 그랬지만, 같은 옷의 윤곽선에서는 "
        "그렇지 않습니다.",
    ),
    # --- 15. train (optional) ---
    "lesson.train.title": ("Your turn: train one, compare them all", "내 차례: 하나씩 학습하고, 모두 비교하기"),
    "lesson.train.body": (
        "Everyone trains the tutorial's network on the same budget of images, with settings of their own. The "
        "board ranks the models on one half of the test set. At the end the teacher reveals the other half: does "
        "the ranking hold?",
        "모두가 이미지를 보는 횟수(예산)를 똑같이 두고 튜토리얼의 신경망을 학습하되, 설정은 각자 고릅니다. 순위표는 "
        "테스트 세트의 절반으로 모델의 순위를 매깁니다. 마지막에 선생님이 나머지 절반의 점수를 공개합니다. 순위는 "
        "그대로일까요?",
    ),
    "lesson.train.say": (
        "Change one setting from the tutorial's (128 units, x/255), and predict its effect before you press Train my "
        "model. The chart shows each setting beside its score.",
        "튜토리얼의 설정(유닛 128개, x/255)에서 하나만 바꿔 보세요. '내 모델 학습시키기'를 누르기 전에 그 효과를 먼저 "
        "예상해 보세요. 차트에서 설정마다 점수를 볼 수 있습니다.",
    ),
    "lesson.train.ask": ("Why might the best public score not be the best private score?",
                         "공개 점수 1등이 비공개 점수에서는 1등이 아닐 수도 있는 이유는 무엇일까요?"),
    "lesson.train.myth": (
        "That a change of places between the two halves means someone tuned their model to the public half. A score "
        "measured on 5,000 images is uncertain by about one point either way: entries closer than that can swap "
        "places by chance alone.",
        "두 절반 사이에서 순위가 바뀌면 누군가 공개 절반에 모델을 맞췄다는 생각. 이미지 5,000장에서 잰 점수는 위아래로 "
        "1%p쯤 불확실합니다. 그보다 가까운 참가자끼리는 우연만으로도 순위가 바뀔 수 있습니다.",
    ),
    # --- 16. summary ---
    "lesson.summary.title": ("What we learned", "오늘 배운 것"),
    "lesson.summary.body": ("Three ideas to take home, each with the figures the models gave today.",
                            "오늘 가져갈 생각 세 가지와, 오늘 모델이 낸 숫자입니다."),
    "lesson.summary.point_test": (
        "**Judge a model on pictures it never learned from.** The tutorial's model was right on {train:.1%} of its "
        "training images and on {test:.1%} of the test images.",
        "**모델은 배우지 않은 이미지로 평가합니다.** 튜토리얼의 모델은 학습 이미지에서 {train:.1%}, 테스트 이미지에서 "
        "{test:.1%}를 맞혔습니다.",
    ),
    "lesson.summary.point_outputs": (
        "**Softmax names one class; ten sigmoids answer each class.** On our canvas the softmax CNN named {name} "
        "({percent:.0%}); the multi-label CNN said {names}, at threshold {threshold:.2f}.",
        "**소프트맥스는 클래스 하나를 답하고, 시그모이드 10개는 클래스마다 답합니다.** 우리 캔버스에서 소프트맥스 "
        "CNN의 답: {name}({percent:.0%}). 다중 레이블 CNN의 답(임계값 {threshold:.2f}): {names}.",
    ),
    "lesson.summary.point_confidence": (
        "**Confidence is measured, not promised.** At 95% or more, the tutorial's model was right {test:.0%} of the "
        "time on the test images and {outlines:.0%} on outlines.",
        "**확신은 약속이 아니라 재어 보는 것입니다.** 95% 이상 확신했을 때 튜토리얼의 모델은 테스트 이미지에서 "
        "{test:.0%}, 윤곽선에서 {outlines:.0%}를 맞혔습니다.",
    ),
    "lesson.summary.say": (
        "If you remember one thing: a model's figures hold for pictures like the ones it was tested on. For other "
        "pictures, measure again.",
        "하나만 기억한다면 이것입니다. 모델의 숫자는 시험한 이미지와 닮은 이미지에서만 통합니다. 다른 이미지라면 다시 "
        "재어 봐야 합니다.",
    ),
    "lesson.summary.ask": ("Which of the three surprised you most?", "세 가지 중 무엇이 가장 뜻밖이었나요?"),
    "lesson.summary.myth": (
        "That a model that scores well understands clothes. It is right on pictures like its data; on other "
        "pictures it has to be measured again.",
        "점수가 좋은 모델은 옷을 이해한다는 생각. 데이터와 닮은 이미지에서 맞힐 뿐이고, 다른 이미지에서는 다시 재어 "
        "봐야 합니다.",
    ),
    # --- 17. ticket ---
    "lesson.ticket.title": ("Exit ticket: three questions", "마무리 확인: 세 문제"),
    "lesson.ticket.body": ("Three short questions, one per big idea. Answer on your own: only the counts are shown, "
                           "never who chose what.",
                           "큰 생각마다 하나씩, 짧은 질문 세 개입니다. 혼자 답해 보세요. 몇 명이 골랐는지만 보이고, "
                           "누가 무엇을 골랐는지는 보이지 않습니다."),
    "lesson.ticket.ticket_test.question": ("Why do we measure a model on test images it never learned from?",
                                           "모델을 왜 배우지 않은 테스트 이미지로 잴까요?"),
    "lesson.ticket.ticket_test.choice_0": ("Test images are harder", "테스트 이미지가 더 어려워서"),
    "lesson.ticket.ticket_test.choice_1": ("It may have learned its training images by heart",
                                           "학습 이미지를 외웠을 수도 있어서"),
    "lesson.ticket.ticket_test.choice_2": ("There are more test images", "테스트 이미지가 더 많아서"),
    "lesson.ticket.ticket_test.reveal": ("A model can do better on the pictures it learned from than on new ones: "
                                         "today's model did.",
                                         "모델은 배운 이미지에서 새 이미지보다 더 잘할 수 있습니다. 오늘 본 모델도 "
                                         "그랬습니다."),
    "lesson.ticket.ticket_outputs.question": ("A photo shows a hat and a scarf. Which output lets a model answer "
                                              "'both'?",
                                              "사진에 모자와 목도리가 있습니다. 모델이 '둘 다'라고 답하려면 어떤 출력이 "
                                              "필요할까요?"),
    "lesson.ticket.ticket_outputs.choice_0": ("Ten softmax bars, taking the largest",
                                              "소프트맥스 막대 10개에서 가장 큰 것"),
    "lesson.ticket.ticket_outputs.choice_1": ("Ten softmax bars, taking all above 50%",
                                              "소프트맥스 막대 10개에서 50%를 넘는 것 모두"),
    "lesson.ticket.ticket_outputs.choice_2": ("Ten sigmoid bars, each against a threshold",
                                              "시그모이드 막대 10개를 각각 임계값과 비교"),
    "lesson.ticket.ticket_outputs.reveal": ("Ten softmax bars add up to 1, so at most one is above 50%. Ten sigmoids "
                                            "answer each class on its own.",
                                            "소프트맥스 막대 10개는 합이 1이라서 50%를 넘는 것은 최대 하나입니다. "
                                            "시그모이드 10개는 클래스마다 따로 답합니다."),
    "lesson.ticket.ticket_confidence.question": ("A model says 'bag, 99%' about your drawing. What does the 99% tell "
                                                 "you?",
                                                 "모델이 내 그림을 보고 '가방, 99%'라고 합니다. 이 99%로 알 수 있는 것은 "
                                                 "무엇일까요?"),
    "lesson.ticket.ticket_confidence.choice_0": ("It is a bag, 99 times in 100", "100번 중 99번은 가방"),
    "lesson.ticket.ticket_confidence.choice_1": ("Little: it was measured on photos, not drawings",
                                                 "별로 없음(사진에서 잰 값이라서)"),
    "lesson.ticket.ticket_confidence.choice_2": ("The model has seen this drawing before", "모델이 이 그림을 본 적이 있음"),
    "lesson.ticket.ticket_confidence.reveal": ("Its 99% was measured on pictures like its test images. On outlines "
                                               "of the same garments, its sure answers were right much less often.",
                                               "모델의 99%는 테스트 이미지와 닮은 그림에서 잰 값입니다. 같은 옷의 "
                                               "윤곽선에서는 확신한 답이 훨씬 덜 맞았습니다."),
    "lesson.ticket.say": ("Answer on your own first. No names: we only look at how many chose what.",
                          "먼저 혼자 답해 보세요. 이름은 없고, 몇 명이 무엇을 골랐는지만 봅니다."),
    "lesson.ticket.ask": ("Which question split the room most? Let us talk about that one.",
                          "어느 질문에서 답이 가장 갈렸나요? 그 질문으로 이야기해 봅시다."),
    "lesson.ticket.myth": ("That an exit ticket is a test. It tells the teacher what to say again next time.",
                           "확인 문제가 시험이라는 생각. 다음 시간에 무엇을 다시 다룰지 선생님에게 알려 주는 것입니다."),
    "lesson.nothing": ("nothing", "없음"),
}
