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
        "Today's path ends with one picture holding two garments. A model that must give one answer will be "
        "half wrong, and we will see why.",
        "오늘 수업은 옷 두 개가 든 이미지 한 장으로 마무리합니다. 답을 하나만 해야 하는 모델은 반쯤 틀리게 되는데, 그 이유를 "
        "함께 봅니다.",
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
    "lesson.data.say": (
        "The model learns only from the training images. The test images are kept apart to check it honestly "
        "at the end.",
        "모델은 학습 이미지로만 배웁니다. 테스트 이미지는 따로 두었다가 마지막에 공정하게 평가하는 데 씁니다.",
    ),
    "lesson.data.ask": ("Why might it matter that every class has 6,000 training images?",
                        "클래스마다 학습 이미지가 6,000장씩 같다는 것이 왜 중요할까요?"),
    "lesson.data.myth": (
        "That testing on the training images tells you how good a model is. It can remember them.",
        "학습 이미지로 시험하면 모델의 실력을 알 수 있다는 생각. 모델은 그 이미지들을 외워 버릴 수 있습니다.",
    ),
    # --- 3. pixels ---
    "lesson.pixels.title": ("One garment's pixels, and normalisation", "옷 하나의 픽셀과 정규화"),
    "lesson.pixels.body": (
        "Before training, we divide every pixel by 255 so the numbers go from 0 to 1. The original notebook "
        "also tries min-max normalisation, which stretches each picture's darkest pixel to 0 and brightest to 1. "
        "The picture looks the same. Only the numbers change.",
        "학습 전에 모든 픽셀을 255로 나누어 숫자가 0에서 1 사이가 되게 합니다. 원본 노트북은 최소-최대 정규화도 "
        "해 보는데, 이미지의 가장 어두운 픽셀을 0, 가장 밝은 픽셀을 1로 늘입니다. 이미지는 똑같아 보이고 숫자만 "
        "바뀝니다.",
    ),
    "lesson.pixels.say": (
        "Small, similar-sized inputs make the optimiser's steps well-behaved. The histogram keeps its shape. "
        "Only the axis changes.",
        "작고 비슷한 크기의 입력은 옵티마이저의 걸음을 안정적으로 만듭니다. 히스토그램 모양은 그대로이고 축만 바뀝니다.",
    ),
    "lesson.pixels.ask": ("If a picture's brightest pixel is 255, are x/255 and min-max the same for it?",
                          "이미지의 가장 밝은 픽셀이 255라면, x/255와 최소-최대 정규화는 같은 결과일까요?"),
    "lesson.pixels.myth": (
        "That normalising changes what is in the picture. It rescales the numbers, nothing more.",
        "정규화가 이미지의 내용을 바꾼다는 생각. 숫자의 크기만 바꿀 뿐입니다.",
    ),
    # --- 4. grid ---
    "lesson.grid.title": ("The tutorial's 5x5 grid", "튜토리얼의 5x5 격자"),
    "lesson.grid.body": (
        "The first 25 training images with their labels, as the tutorial shows them. Some classes look alike: "
        "a shirt, a T-shirt and a coat can be hard to tell apart even for us.",
        "튜토리얼처럼 처음 25장의 학습 이미지를 레이블과 함께 봅니다. 셔츠, 티셔츠, 코트처럼 서로 닮은 클래스는 "
        "사람도 구별하기 어렵습니다.",
    ),
    "lesson.grid.say": ("Look for the pairs you would confuse yourself. The model will confuse them too.",
                        "여러분도 헷갈릴 만한 짝을 찾아보세요. 모델도 그 짝을 헷갈립니다."),
    "lesson.grid.ask": ("Which two classes would you find hardest to tell apart?",
                        "어떤 두 클래스가 가장 구별하기 어려울까요?"),
    "lesson.grid.myth": ("That labels are always right. A few in any real dataset are wrong.",
                         "레이블은 언제나 옳다는 생각. 실제 데이터에는 틀린 레이블이 조금씩 있습니다."),
    # --- 5. dense ---
    "lesson.dense.title": ("The tutorial's network, and how it learned", "튜토리얼의 신경망과 학습"),
    "lesson.dense.body": (
        "Flatten turns the 28x28 picture into a row of 784 numbers. A Dense layer of 128 units finds patterns, "
        "and a last Dense layer of 10 units gives one probability per class (softmax). The tutorial trains it for 5 "
        "epochs: 5 passes over the 60,000 training images.",
        "Flatten은 28x28 이미지를 숫자 784개의 한 줄로 폅니다. 유닛(노드) 128개의 Dense 층이 패턴을 찾고, 유닛 10개인 "
        "마지막 Dense 층이 클래스마다 확률 하나씩을 냅니다(소프트맥스). 튜토리얼은 5 에포크, 즉 학습 이미지 60,000장을 5번 "
        "훑으며 학습합니다.",
    ),
    "lesson.dense.layer": ("Layer", "층"),
    "lesson.dense.shape": ("Output shape", "출력 모양"),
    "lesson.dense.params": ("Weights", "가중치 수"),
    "lesson.dense.trained": ("The model in use: {total} weights in all, epochs {epochs}.",
                             "사용 중인 모델: {epochs} 에포크, 가중치 모두 {total}개."),
    "lesson.dense.question": ("On the 10,000 test images it has never seen, how often will it be right?",
                              "한 번도 본 적 없는 테스트 이미지 10,000장에서 얼마나 자주 맞힐까요?"),
    "lesson.dense.choice_0": ("About half the time", "절반쯤"),
    "lesson.dense.choice_1": ("About 70%", "70%쯤"),
    "lesson.dense.choice_2": ("About 88%", "88%쯤"),
    "lesson.dense.choice_3": ("Almost always (99%)", "거의 항상(99%)"),
    "lesson.dense.reveal": ("Its accuracy on all {count:,} test images, computed now.",
                            "테스트 이미지 {count:,}장 전체에서 지금 계산한 정확도입니다."),
    "lesson.dense.say": (
        "A network this small, which does not even know that neighbouring pixels belong together, already gets "
        "most garments right. The tutorial reports 0.87.",
        "이 신경망은 이웃한 픽셀끼리 관련이 있다는 것조차 모르지만 벌써 옷 대부분을 맞힙니다. 튜토리얼의 테스트 "
        "정확도는 0.87입니다.",
    ),
    "lesson.dense.ask": ("Where do the 100,480 weights of the first Dense layer come from? (784 x 128 + 128)",
                         "첫 Dense 층의 가중치 100,480개는 어디서 나올까요? (784 x 128 + 128)"),
    "lesson.dense.myth": (
        "That more epochs always help. After a few, test accuracy stops rising while training accuracy goes on "
        "(overfitting).",
        "에포크가 많을수록 항상 좋다는 생각. 몇 에포크가 지나면 학습 정확도는 계속 오르지만 테스트 정확도는 "
        "멈춥니다(과대적합).",
    ),
    # --- 6. one ---
    "lesson.one.title": ("One test image, ten probabilities", "테스트 이미지 하나, 확률 10개"),
    "lesson.one.body": (
        "The model answers with ten probabilities that add up to 1. The tutorial draws them as bars: the "
        "predicted class in red when it is wrong, the true class in blue. Under the picture: the predicted "
        "class, its probability and the true class.",
        "모델은 합이 1인 확률 10개로 답합니다. 튜토리얼은 이를 막대로 그립니다. 틀렸을 때 예측한 클래스는 빨강, "
        "정답 클래스는 파랑입니다. 이미지 아래에는 예측한 클래스, 그 확률, 정답 클래스가 있습니다.",
    ),
    "lesson.one.say": ("Try a few numbers. A confident answer is not always a right one.",
                       "번호를 몇 개 바꿔 보세요. 자신 있는 답이 언제나 맞는 답은 아닙니다."),
    "lesson.one.ask": ("Find an image where the model is wrong but sure of itself.",
                       "모델이 틀렸는데도 확신하는 이미지를 찾아보세요."),
    "lesson.one.myth": ("That 95% means the model is right 95% of the time on such images. It often is not.",
                        "확률 95%면 이런 이미지를 100번 중 95번 맞힌다는 생각. 실제로는 그렇지 않을 때가 많습니다."),
    # --- 7. errors ---
    "lesson.errors.title": ("Where it goes wrong", "모델은 어디서 틀릴까요"),
    "lesson.errors.body": (
        "The tutorial's grid: the first 15 test images, each with its bars, blue when right and red when wrong. "
        "A confusion matrix counts every mistake: which true class was taken for which.",
        "튜토리얼의 격자입니다. 처음 15장의 테스트 이미지와 막대를 보여 주며, 맞으면 파랑, 틀리면 빨강입니다. "
        "혼동 행렬은 어떤 정답 클래스를 어떤 클래스로 착각했는지 모든 실수를 셉니다.",
    ),
    "lesson.errors.grid_caption": ("The first 15 test images, as in the tutorial.",
                                   "튜토리얼처럼 처음 15장의 테스트 이미지입니다."),
    "lesson.errors.question": ("Which of these four classes will the tutorial's model get wrong most often?",
                               "이 네 클래스 중 튜토리얼의 모델이 가장 자주 틀리는 것은 무엇일까요?"),
    "lesson.errors.choice_0": ("Trouser", "바지"),
    "lesson.errors.choice_1": ("Shirt", "셔츠"),
    "lesson.errors.choice_2": ("Bag", "가방"),
    "lesson.errors.choice_3": ("Sneaker", "스니커즈"),
    "lesson.errors.ylabel": ("% of the class answered wrong", "클래스에서 틀린 비율(%)"),
    "lesson.errors.reveal": (
        "Left: how often each class is answered wrong. Right: the confusion matrix (rows: the true class, "
        "columns: the model's answer).",
        "왼쪽은 클래스마다 틀린 비율, 오른쪽은 혼동 행렬입니다(행은 정답 클래스, 열은 모델의 답).",
    ),
    "lesson.errors.say": (
        "Shirts are confused with T-shirts, sweaters and coats: the same shape with small differences. "
        "Trousers and bags have shapes of their own.",
        "셔츠는 티셔츠, 스웨터, 코트와 헷갈립니다. 모양이 같고 차이가 작기 때문입니다. 바지와 가방은 모양이 독특합니다.",
    ),
    "lesson.errors.ask": ("Read one cell of the confusion matrix aloud: what does its number mean?",
                          "혼동 행렬의 숫자(셀) 하나를 골라 소리 내어 읽어 보세요. 그 숫자는 무슨 뜻인가요?"),
    "lesson.errors.myth": ("That one accuracy number says everything. The mistakes are not spread evenly.",
                           "정확도 숫자 하나가 모든 것을 말해 준다는 생각. 실수는 고르게 퍼져 있지 않습니다."),
    # --- 8. single ---
    "lesson.single.title": ("One garment on a bigger canvas", "더 큰 캔버스 위의 옷 하나"),
    "lesson.single.body": (
        "Now the second notebook. It puts one garment into one of the four quadrants of a 56x56 canvas, the "
        "others left black. The label is still one class. A softmax model must find the garment wherever it is.",
        "이제 두 번째 노트북입니다. 56x56 캔버스의 네 칸(사분면) 중 한 칸에 옷 하나를 넣고, 나머지 칸은 검게 둡니다. "
        "레이블은 여전히 클래스 하나입니다. 소프트맥스 모델은 옷이 어디에 있든 찾아내야 합니다.",
    ),
    "lesson.single.say": ("Move the garment between quadrants: the answer should not change.",
                          "옷을 다른 칸으로 옮겨 보세요. 답은 바뀌지 않아야 합니다."),
    "lesson.single.ask": ("Why can't we simply use the tutorial's 28x28 network on this canvas?",
                          "왜 튜토리얼의 28x28 신경망을 이 캔버스에 그대로 쓸 수 없을까요?"),
    "lesson.single.myth": (
        "That a network knows where things are. It only knows what it was trained on: garments in every quadrant.",
        "신경망이 물건의 위치를 안다는 생각. 신경망은 학습한 것만 압니다. 이 모델은 옷이 네 칸 어디에나 놓인 이미지로 "
        "골고루 학습했습니다.",
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
    # --- 10. versus ---
    "lesson.versus.title": ("One canvas, two garments: softmax against multi-label",
                            "캔버스 하나, 옷 두 개: 소프트맥스와 다중 레이블"),
    "lesson.versus.body": (
        "This canvas holds a Bag and a Sneaker. The softmax model gives ten probabilities that must add up to 1 "
        "and names the largest. The multi-label model gives ten independent probabilities, one per class, each "
        "compared with a threshold.",
        "이 캔버스에는 가방과 스니커즈가 있습니다. 소프트맥스 모델은 합이 1이어야 하는 확률 10개를 내고 가장 큰 것을 "
        "답합니다. 다중 레이블 모델은 클래스마다 서로 독립인 확률 10개를 내고, 각각을 임계값과 비교합니다.",
    ),
    "lesson.versus.question": ("What will the softmax model name?", "소프트맥스 모델은 무엇이라고 답할까요?"),
    "lesson.versus.choice_0": ("Bag", "가방"),
    "lesson.versus.choice_1": ("Sneaker", "스니커즈"),
    "lesson.versus.choice_2": ("Both", "둘 다"),
    "lesson.versus.choice_3": ("Something else", "다른 것"),
    "lesson.versus.say": (
        "This is the heart of the second notebook. Softmax can only share one unit of probability, so with two "
        "garments it must split it or pick one. 'Both' is an answer it cannot give.",
        "두 번째 노트북의 핵심입니다. 소프트맥스는 확률 1을 나눠 가질 수밖에 없어서, 옷이 두 개면 확률을 나누거나 "
        "하나를 고릅니다. '둘 다'는 소프트맥스가 낼 수 없는 답입니다.",
    ),
    "lesson.versus.ask": ("Hands up if you chose 'Both'. What would a model need to be able to say it?",
                          "'둘 다'를 고른 사람, 손 들어 볼까요? 모델이 그렇게 답하려면 무엇이 필요할까요?"),
    "lesson.versus.myth": ("That softmax's 50% and 50% means 'both are there'. It means 'I cannot decide'.",
                           "소프트맥스의 50%와 50%가 '둘 다 있다'는 뜻이라는 생각. '어느 쪽인지 모르겠다'는 뜻입니다."),
    # --- 11. sigmoid ---
    "lesson.sigmoid.title": ("The decision threshold", "판정 임계값"),
    "lesson.sigmoid.body": (
        "The multi-label model ends in ten sigmoids: each class gets its own probability between 0 and 1, "
        "regardless of the others. A class counts as present when its bar reaches the threshold line. Move the "
        "threshold and see what changes.",
        "다중 레이블 모델은 시그모이드 10개로 끝납니다. 클래스마다 다른 클래스와 상관없이 0과 1 사이의 확률을 "
        "받습니다. 막대가 임계값 선에 닿으면 그 클래스가 있다고 판정합니다. 임계값을 움직여 무엇이 바뀌는지 보세요.",
    ),
    "lesson.sigmoid.question": ("Will the multi-label model's ten bars add up to 1?",
                                "다중 레이블 모델의 막대 10개를 더하면 1이 될까요?"),
    "lesson.sigmoid.choice_0": ("Exactly 1", "정확히 1"),
    "lesson.sigmoid.choice_1": ("Less than 1", "1보다 작음"),
    "lesson.sigmoid.choice_2": ("More than 1", "1보다 큼"),
    "lesson.sigmoid.sum": ("Sum of the ten bars", "막대 10개의 합"),
    "lesson.sigmoid.reveal": (
        "Each bar is its own yes-or-no question, so they need not add up to anything. With two garments, two bars "
        "are near 1.",
        "막대 하나하나가 따로 묻는 예/아니요 질문이라 합이 정해져 있지 않습니다. 옷이 두 개면 막대 두 개가 1에 "
        "가깝습니다.",
    ),
    "lesson.sigmoid.say": (
        "A low threshold finds more garments and more false alarms. A high one misses garments. The shipped "
        "model stores the threshold that scored best on validation canvases.",
        "임계값이 낮으면 옷을 더 찾지만 오탐(없는 옷을 있다고 함)도 늘고, 높으면 옷을 놓칩니다. 기본 제공 모델은 검증 캔버스에서 "
        "가장 좋았던 임계값을 저장해 둡니다.",
    ),
    "lesson.sigmoid.ask": ("What threshold would you choose for a shop's stock count, and for a security check?",
                           "가게의 재고 조사와 보안 검사라면 각각 어떤 임계값을 고르겠어요?"),
    "lesson.sigmoid.myth": ("That probabilities must always add up to 1. Only when the classes exclude each other.",
                            "확률의 합은 언제나 1이어야 한다는 생각. 클래스가 서로 배타적일 때만 그렇습니다."),
    # --- 12. looked ---
    "lesson.looked.title": ("Where the model looked", "모델이 본 곳"),
    "lesson.looked.body": (
        "We can ask which pixels changed the model's answer for one class the most, and draw them as a saliency map: "
        "bright where the model looked. Here we ask the multi-label model about the Bag.",
        "어떤 픽셀이 한 클래스에 대한 모델의 답을 가장 많이 바꾸는지 물어보고, 그것을 중요도 맵(saliency map)으로 그릴 수 있습니다. "
        "밝은 곳이 모델이 본 곳입니다. 여기서는 다중 레이블 모델에게 가방에 대해 묻습니다.",
    ),
    "lesson.looked.question": ("Asked about the Bag, which quadrant will be brightest?",
                               "가방에 대해 물으면 어느 칸이 가장 밝을까요?"),
    "lesson.looked.choice_0": ("Top-left", "왼쪽 위"),
    "lesson.looked.choice_1": ("Top-right", "오른쪽 위"),
    "lesson.looked.choice_2": ("Bottom-left", "왼쪽 아래"),
    "lesson.looked.choice_3": ("Bottom-right", "오른쪽 아래"),
    "lesson.looked.reveal": ("Bright means these pixels moved the Bag's probability the most.",
                             "밝은 곳은 가방의 확률을 가장 많이 움직인 픽셀입니다."),
    "lesson.looked.say": (
        "A map like this checks that a model is right for the right reason, not because of a background or a "
        "border.",
        "이런 중요도 맵으로 모델이 배경이나 테두리 때문이 아니라 올바른 이유로 맞혔는지 확인할 수 있습니다.",
    ),
    "lesson.looked.ask": ("What would it mean if the map were bright on the empty quadrants?",
                          "빈 칸이 밝게 나온다면 무슨 뜻일까요?"),
    "lesson.looked.myth": ("That the map shows what the model 'thinks'. It shows what changes its output.",
                           "중요도 맵이 모델의 '생각'을 보여 준다는 생각. 출력을 바꾸는 픽셀을 보여 줄 뿐입니다."),
    # --- 13. own ---
    "lesson.own.title": ("A garment of your own", "나만의 옷"),
    "lesson.own.body": (
        "Draw a garment: light lines on the dark square, as in the dataset. The models answer after every "
        "stroke. On the Draw & upload page you can also upload or take a photo.",
        "옷을 그려 보세요. 데이터처럼 어두운 바탕에 밝은 선으로 그립니다. 한 획을 그을 때마다 모델이 답합니다. "
        "그리기·사진 올리기 페이지에서는 사진을 올리거나 찍을 수도 있습니다.",
    ),
    "lesson.own.say": (
        "Drawings look different from the photos the models learned from: thin lines, no texture. Mistakes here "
        "teach what the data was.",
        "그림은 모델이 배운 사진과 다릅니다. 선이 가늘고 질감이 없습니다. 여기서 모델이 틀리는 것을 보면 학습 데이터가 "
        "어떤 사진이었는지 알 수 있습니다.",
    ),
    "lesson.own.ask": ("Can you draw something the models confidently call a bag, that is not a bag?",
                       "가방이 아닌데 모델이 자신 있게 가방이라고 답하는 그림을 그릴 수 있나요?"),
    "lesson.own.myth": ("That a model that scores 90% on the test set works as well on anything you give it.",
                        "테스트 세트에서 90%인 모델이 무엇을 주든 똑같이 잘한다는 생각."),
    # --- 14. train ---
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
        "model. The chart shows which setting mattered.",
        "튜토리얼의 설정(유닛 128개, x/255)에서 하나만 바꿔 보세요. '내 모델 학습시키기'를 누르기 전에 그 효과를 먼저 "
        "예상해 보세요. 차트가 어떤 설정이 중요했는지 보여 줍니다.",
    ),
    "lesson.train.ask": ("Why might the best public score not be the best private score?",
                         "공개 점수 1등이 비공개 점수에서는 1등이 아닐 수도 있는 이유는 무엇일까요?"),
    "lesson.train.myth": (
        "That a bigger network always wins. On a small budget, the learning rate and normalisation matter more.",
        "신경망이 클수록 항상 이긴다는 생각. 예산이 작으면 학습률과 정규화가 더 중요합니다.",
    ),
}
