"""Text of the Predict page (and of the charts it shares with Draw & upload)."""

TEXT = {
    "predict.title": ("What the models answer", "모델은 무엇이라고 답할까"),
    "predict.intro": (
        "Ask the models in use (see the sidebar) about test images they never saw while training, and about "
        "canvases you build. Blue means right, red means wrong, as in the TensorFlow tutorial.",
        "사용 중인 모델(사이드바 참고)에게 학습 중에 본 적 없는 테스트 이미지와 직접 만든 캔버스에 대해 물어봅니다. "
        "텐서플로 튜토리얼처럼 파랑은 정답, 빨강은 오답입니다.",
    ),
    "predict.tab_tutorial": ("The tutorial's charts", "튜토리얼 차트"),
    "predict.tab_evaluation": ("How good is it?", "얼마나 잘 맞힐까?"),
    "predict.tab_multi": ("Several garments", "옷 여러 개"),
    "predict.tab_compare": ("Softmax vs multi-label", "소프트맥스 대 다중 레이블"),
    "predict.tab_saliency": ("Where the model looked", "모델이 본 곳"),
    "predict.computing": ("{model}: answering all {count:,} test pictures (once per model) ...",
                          "{model}: 테스트 이미지 {count:,}장 전체에 답하는 중(모델마다 한 번)..."),
    "predict.model_missing": ("{model} cannot be used: {error}. Choose another on the Train page, or get the "
                              "shipped models back with `git checkout models/`.",
                              "{model}: 이 모델을 쓸 수 없습니다({error}). 학습 페이지에서 다른 모델을 고르거나, "
                              "`git checkout models/`로 기본 제공 모델을 되살리세요."),
    "predict.which_model": ("Model", "모델"),
    "predict.on_images": ("{model} on test images (28x28)", "{model}, 테스트 이미지(28x28)"),
    "predict.on_canvases": ("{model} on test composites (56x56)", "{model}, 테스트 합성 이미지(56x56)"),

    # The tutorial's views
    "predict.one_image": ("One picture and its ten probabilities", "이미지 하나와 확률 10개"),
    "predict.index": ("Test picture number", "테스트 이미지 번호"),
    "predict.random": ("Random", "무작위"),
    "predict.pair_caption": (
        "Test picture #{index}: really **{truth}**; the model says **{predicted}** ({percent:.0%}). "
        "Grey bars: the other classes; red: the model's answer when it is wrong; blue: the true class.",
        "테스트 이미지 #{index}: 정답은 **{truth}**, 모델의 답은 **{predicted}**({percent:.0%}). "
        "회색 막대는 다른 클래스, 빨강은 틀린 답, 파랑은 정답 클래스입니다.",
    ),
    "predict.walk": ("The tutorial's path for one picture, step by step", "튜토리얼의 이미지 한 장 예측, 한 단계씩"),
    "predict.walk_shape": ("The picture is a {shape} array of pixels.", "이미지는 {shape} 크기의 픽셀 배열입니다."),
    "predict.walk_batch": ("Keras predicts for a batch of pictures, so one picture becomes a batch of one: {shape}.",
                           "Keras는 이미지 묶음(배치)으로 예측하므로, 이미지 한 장도 한 장짜리 배치가 됩니다: {shape}."),
    "predict.walk_probs": ("The model answers with ten probabilities, one per class (they sum to {total:.2f}):",
                           "모델은 클래스마다 하나씩, 확률 10개로 답합니다(합계 {total:.2f}):"),
    "predict.walk_argmax": ("The largest is number **{label}**: **{name}**.",
                            "가장 큰 값은 **{label}**번: **{name}**입니다."),
    "predict.col_class": ("Class", "클래스"),
    "predict.col_probability": ("Probability", "확률"),
    "predict.grid": ("The tutorial's grid", "튜토리얼 격자"),
    "predict.rows": ("Rows", "행"),
    "predict.cols": ("Columns", "열"),
    "predict.only_mistakes": ("Only mistakes", "틀린 것만"),
    "predict.true_class": ("True class", "정답 클래스"),
    "predict.predicted_class": ("Predicted class", "예측 클래스"),
    "predict.any": ("any", "모든 클래스"),
    "predict.order": ("Order", "순서"),
    "predict.order_dataset": ("test set order", "테스트 세트 순서"),
    "predict.order_unsure": ("least confident first", "자신 없는 것부터"),
    "predict.grid_caption": ("{shown} of {total:,} matching test pictures (of {all:,}).",
                             "조건에 맞는 테스트 이미지 {total:,}장 중 {shown}장(전체 {all:,}장)."),
    "predict.grid_none": ("No test picture matches these filters.", "이 조건에 맞는 테스트 이미지가 없습니다."),

    # Evaluation
    "predict.accuracy": ("Test accuracy", "테스트 정확도"),
    "predict.loss": ("Test loss", "테스트 손실"),
    "predict.loss_help": ("Cross-entropy: the mean of -log(probability of the true class). Lower is better.",
                          "교차 엔트로피: -log(정답 클래스의 확률)의 평균. 낮을수록 좋습니다."),
    "predict.mistakes": ("Mistakes", "틀린 수"),
    "predict.confusion": ("Confusion matrix", "혼동 행렬"),
    "predict.confusion_counts": ("counts", "개수"),
    "predict.confusion_shares": ("share of each true class", "정답 클래스별 비율"),
    "predict.confusion_x": ("predicted class", "예측 클래스"),
    "predict.confusion_y": ("true class", "정답 클래스"),
    "predict.confusion_caption": ("Row = the true class, column = the model's answer: the diagonal is right, "
                                  "everything else a mistake.",
                                  "행은 정답 클래스, 열은 모델의 답입니다. 대각선은 정답이고 나머지는 모두 오답입니다."),
    "predict.per_class": ("Precision and recall per class", "클래스별 정밀도와 재현율"),
    "predict.precision": ("precision", "정밀도"),
    "predict.recall": ("recall", "재현율"),
    "predict.per_class_caption": (
        "Precision: of the pictures the model called this class, the share that were. Recall: of the pictures "
        "of this class, the share the model found.",
        "정밀도: 모델이 이 클래스라고 답한 이미지 중 실제로 그 클래스인 비율. 재현율: 이 클래스의 이미지 중 "
        "모델이 찾아낸 비율.",
    ),
    "predict.confused": ("The most confused pairs", "가장 많이 헷갈린 쌍"),
    "predict.confused_pair": ("**{truth}** taken for **{predicted}**: {count}×",
                              "정답 **{truth}**, 모델의 답 **{predicted}**: {count}번"),
    "predict.multi_on_evaluation": ("The multi-label model is scored by other measures: they are below.",
                                    "다중 레이블 모델은 다른 평가 지표를 씁니다. 아래에서 볼 수 있습니다."),

    # Canvases
    "predict.source": ("Canvas", "캔버스"),
    "predict.source_sent": ("from Compose", "합성 이미지 페이지에서"),
    "predict.source_test": ("test composite", "테스트 합성 이미지"),
    "predict.source_build": ("build here", "여기서 만들기"),
    "predict.sent_none": ("Nothing was sent from Compose yet: build a canvas there and press "
                          "\"Send to prediction\".",
                          "아직 합성 이미지 페이지에서 보낸 캔버스가 없습니다. 그곳에서 캔버스를 만들고 "
                          "\"예측으로 보내기\"를 누르세요."),
    "predict.composite_index": ("Test composite number", "테스트 합성 이미지 번호"),
    "predict.on_canvas": ("On the canvas: {garments}", "캔버스에 있는 옷: {garments}"),
    "predict.on_canvas_none": ("On the canvas: nothing, an empty canvas", "캔버스에 있는 옷: 없음(빈 캔버스)"),
    "predict.on_canvas_unknown": ("What is on the canvas is not known.", "캔버스에 무엇이 있는지 알 수 없습니다."),
    "predict.in_quadrant": ("{name} ({quadrant})", "{name}({quadrant})"),
    "predict.threshold": ("Decision threshold", "판정 임계값"),
    "predict.threshold_help": ("A class counts as present when its probability reaches the threshold. The model's "
                               "stored threshold, chosen on validation canvases, is {stored:g}.",
                               "확률이 임계값 이상이면 그 클래스가 있다고 판정합니다. 검증 캔버스로 고른 "
                               "이 모델의 저장된 임계값은 {stored:g}입니다."),
    "predict.says": ("The model says: {garments}", "모델의 답: {garments}"),
    "predict.says_nothing": ("The model says: no garment", "모델의 답: 옷 없음"),
    "predict.outcome_hit": ("there, and said", "있음, 맞힘"),
    "predict.outcome_false_alarm": ("said, but not there", "없는데 있다고 함"),
    "predict.outcome_missed": ("there, but missed", "있는데 놓침"),
    "predict.outcome_absent": ("not there, not said", "없음, 없다고 함"),
    "predict.outcome_threshold": ("threshold", "임계값"),
    "predict.tiles": ("What the network says about each quadrant", "신경망이 칸마다 한 답"),
    "predict.tiles_caption": ("The shipped canvas models look at each 28x28 quadrant with one shared network, "
                              "then combine the four answers.",
                              "기본 제공 캔버스 모델은 28x28 칸 하나하나를 같은 신경망으로 본 다음, 네 답을 합칩니다."),
    "predict.empty": ("empty", "비어 있음"),
    "predict.over_test": ("Over the {count:,} test composites", "테스트 합성 이미지 {count:,}장 전체"),
    "predict.col_garments": ("Garments on the canvas", "캔버스의 옷 개수"),
    "predict.col_canvases": ("Canvases", "캔버스 수"),
    "predict.all": ("all", "전체"),
    "predict.exact_match": ("exact match", "완전 일치율"),
    "predict.micro_f1": ("micro-F1", "마이크로 F1"),
    "predict.macro_f1": ("macro-F1", "매크로 F1"),
    "predict.hamming": ("Hamming loss", "해밍 손실"),
    "predict.metrics_caption": (
        "Exact match: all ten yes/no answers right. Micro-F1: over every garment and every false alarm together. "
        "Macro-F1: the F1 of each class, averaged. Hamming loss: the share of the ten yes/no answers that are "
        "wrong (lower is better). At threshold {threshold:g}.",
        "완전 일치율: 예/아니요 10개가 모두 맞은 캔버스의 비율. 마이크로 F1: 모든 옷과 모든 오탐(없는 옷을 있다고 함)을 한꺼번에 센 F1. "
        "매크로 F1: 클래스별 F1의 평균. 해밍 손실: 예/아니요 10개 중 틀린 비율(낮을수록 좋음). "
        "임계값 {threshold:g} 기준.",
    ),
    "predict.curve_title": ("How the scores move with the threshold", "임계값에 따른 점수 변화"),
    "predict.curve_stored": ("stored threshold", "저장된 임계값"),

    # Compare
    "predict.compare_intro": (
        "The same canvas, asked of both canvas models. The softmax model must share one unit of probability "
        "among the ten classes; the multi-label model answers each class on its own.",
        "같은 캔버스를 두 캔버스 모델에 물어봅니다. 소프트맥스 모델은 확률 1을 10개 클래스에 나눠 주어야 하고, "
        "다중 레이블 모델은 클래스마다 따로 답합니다.",
    ),
    "predict.pair": ("Which pair of models", "어떤 모델 쌍"),
    "predict.pair_in_use": ("The models in use (the studio's tile networks, unless you chose others)",
                            "사용 중인 모델(다른 모델을 고르지 않았다면 스튜디오의 타일 신경망)"),
    "predict.pair_plain": ("The plain CNNs on the whole canvas (the textbook lesson)",
                           "캔버스 전체를 보는 단순 CNN(교과서 수업)"),
    "predict.pair_help": (
        "The plain pair is the original notebook's: one CNN over the whole canvas, ending in Dense(10) softmax "
        "with categorical cross-entropy, or ten sigmoids with binary cross-entropy. The models in use are those "
        "chosen on the Train page; the shipped ones are tile networks, which look at each quadrant.",
        "단순 CNN 쌍은 원본 노트북의 모델입니다. 캔버스 전체를 보는 CNN 하나에 Dense(10) 소프트맥스와 범주형 교차 "
        "엔트로피, 또는 시그모이드 10개와 이진 교차 엔트로피를 붙였습니다. 사용 중인 모델은 학습 페이지에서 고른 "
        "모델이며, 기본 제공 모델은 칸을 하나씩 보는 타일 신경망입니다.",
    ),
    "predict.plain_missing": (
        "The plain CNN `{path}` is not there, so it cannot answer here. Train it on the Train page (Network: "
        "plain CNN), or run `python -m fmnist train {kind} --arch plain` on the server.",
        "단순 CNN 모델 `{path}` 파일이 없어서 여기서 답할 수 없습니다. 학습 페이지에서 신경망을 단순 CNN으로 골라 "
        "학습시키거나, 서버에서 `python -m fmnist train {kind} --arch plain` 명령을 실행하세요.",
    ),
    "predict.plain_single_name": ("Plain CNN, one garment (softmax)", "단순 CNN, 옷 하나(소프트맥스)"),
    "predict.plain_multi_name": ("Plain CNN, several garments (ten sigmoids)", "단순 CNN, 옷 여러 개(시그모이드 10개)"),
    "predict.really_plain_title": ("How the two plain CNNs work", "두 단순 CNN이 하는 일"),
    "predict.really_plain": (
        "Both are the original notebook's model, finished: one CNN over the whole 56x56 canvas (three Conv2D "
        "layers of 16, 32 and 64 filters, each followed by max pooling, then Dense(128)). The softmax model ends "
        "in Dense(10, softmax), trained with categorical cross-entropy on one-hot labels; the multi-label model "
        "in Dense(10, sigmoid), trained with binary cross-entropy on multi-hot labels. Nobody told them that a "
        "garment sits in one quadrant: they had to learn it from the canvases. The studio's tile networks are "
        "told, and are right more often: the Train page compares them.",
        "두 모델 모두 원본 노트북의 모델을 완성한 것입니다. 56x56 캔버스 전체를 보는 CNN 하나(필터 16, 32, 64개인 "
        "Conv2D 층 세 개, 각각 뒤에 최대 풀링, 그다음 Dense(128))입니다. 소프트맥스 모델은 Dense(10, softmax)로 "
        "끝나고 원-핫 레이블과 범주형 교차 엔트로피로 학습했습니다. 다중 레이블 모델은 Dense(10, sigmoid)로 끝나고 "
        "멀티-핫 레이블과 이진 교차 엔트로피로 학습했습니다. 옷이 한 칸에 놓인다는 것을 아무도 알려 주지 않아서 "
        "캔버스에서 스스로 배워야 했습니다. 스튜디오의 타일 신경망은 그것을 알고 시작하며 더 자주 맞힙니다. "
        "학습 페이지에서 둘을 비교할 수 있습니다.",
    ),
    "predict.single_title": ("softmax: one garment (sum {total:.2f})", "소프트맥스: 옷 하나(합 {total:.2f})"),
    "predict.multi_title": ("multi-label: each class (sum {total:.2f})", "다중 레이블: 클래스마다(합 {total:.2f})"),
    "predict.compare_none": (
        "No garment: a softmax model must still name a class, so it names a garment that is not there: {name} "
        "({percent:.0%}). The multi-label model says: {said}.",
        "옷이 없습니다. 그래도 소프트맥스 모델은 클래스 하나를 답해야 하므로 캔버스에 없는 옷을 답합니다. 답: "
        "{name}({percent:.0%}). 다중 레이블 모델의 답: {said}.",
    ),
    "predict.compare_one": (
        "One garment: the question both models were built for. The softmax model names {name} ({percent:.0%}); "
        "the multi-label model says: {said}.",
        "옷이 하나입니다. 두 모델 모두 이런 문제를 풀도록 만들어졌습니다. 소프트맥스 모델의 답: {name}({percent:.0%}). "
        "다중 레이블 모델의 답: {said}.",
    ),
    "predict.compare_many": (
        "{count} garments, and a softmax model still gives one answer: {name} ({percent:.0%}), then {second_name} "
        "({second:.0%}). The multi-label model answers each class on its own and says yes to {found} of the {count}: "
        "{said}.",
        "옷이 {count}개여도 소프트맥스 모델의 답은 하나입니다. 답: {name}({percent:.0%}), 그다음 {second_name}"
        "({second:.0%}). 다중 레이블 모델은 클래스마다 따로 답하며, {count}개 중 {found}개에 \"있음\"이라고 답합니다. "
        "답: {said}.",
    ),
    "predict.says_no_garment": ("no garment", "옷 없음"),
    "predict.recipe_title": ("Multi-class versus multi-label", "다중 클래스와 다중 레이블"),
    "predict.recipe_table": (
        "| | multi-class (softmax) | multi-label |\n"
        "| --- | --- | --- |\n"
        "| label | one class: `9` (or one-hot) | multi-hot: `[0,0,0,0,0,1,0,0,1,0]` |\n"
        "| output | ten probabilities that sum to 1 | ten probabilities, each 0-1 on its own |\n"
        "| textbook recipe | Dense(10, softmax), categorical cross-entropy | Dense(10, sigmoid), binary "
        "cross-entropy |\n"
        "| decision | the largest one (argmax) | every class at or above a threshold |\n"
        "| measured by | accuracy | exact match, F1, Hamming loss |",
        "| | 다중 클래스(소프트맥스) | 다중 레이블 |\n"
        "| --- | --- | --- |\n"
        "| 레이블 | 클래스 하나: `9`(또는 원-핫) | 멀티-핫: `[0,0,0,0,0,1,0,0,1,0]` |\n"
        "| 출력 | 합이 1인 확률 10개 | 각각 0-1인 확률 10개 |\n"
        "| 교과서 방식 | Dense(10, softmax), 범주형 교차 엔트로피 | Dense(10, sigmoid), 이진 교차 엔트로피 |\n"
        "| 판정 | 가장 큰 것 하나(argmax) | 임계값 이상인 모든 클래스 |\n"
        "| 평가 지표 | 정확도 | 완전 일치율, F1, 해밍 손실 |",
    ),
    "predict.really_title": ("How the studio's two canvas models really work", "스튜디오의 두 캔버스 모델이 실제로 하는 일"),
    "predict.really": (
        "Both shipped canvas models are *tile networks*: one small CNN looks at each 28x28 quadrant and answers "
        "with an 11-way softmax (ten garments, or \"empty\"). The softmax model adds up the four answers' garment "
        "probabilities and renormalises them to sum to 1 (on a canvas with no garment at all, where every "
        "quadrant says \"empty\", the sum can fall short of 1). The multi-label model says a class is there if it "
        "is in "
        "at least one quadrant: p = 1 - (1 - p₀)(1 - p₁)(1 - p₂)(1 - p₃), ten probabilities each on its own, "
        "compared with the threshold. The textbook recipe (one CNN over the whole canvas, Dense(10) softmax with "
        "categorical cross-entropy, or ten sigmoids with binary cross-entropy) is what the original notebook "
        "started; the studio differs because a quadrant holds at most one garment, and a network that knows it is "
        "right more often (the Train page compares them).",
        "기본 제공 캔버스 모델 두 개는 모두 *타일 신경망*입니다. 작은 CNN 하나가 28x28 칸을 하나씩 보고 11가지 "
        "소프트맥스(옷 10가지 또는 \"비어 있음\")로 답합니다. 소프트맥스 모델은 네 답의 옷 확률을 더한 뒤 합이 "
        "1이 되도록 다시 나눕니다(옷이 하나도 없어 모든 칸이 \"비어 있음\"이라고 답하는 캔버스에서는 합이 1보다 작을 수 "
        "있습니다). 다중 레이블 모델은 어느 한 칸에라도 있으면 그 클래스가 있다고 봅니다: "
        "p = 1 - (1 - p₀)(1 - p₁)(1 - p₂)(1 - p₃). 확률 10개가 각각 따로이고, 임계값과 비교합니다. 교과서 방식"
        "(캔버스 전체를 보는 CNN 하나에 Dense(10) 소프트맥스와 범주형 교차 엔트로피, 또는 시그모이드 10개와 이진 "
        "교차 엔트로피)은 원본 노트북이 시작한 방식입니다. 스튜디오가 다르게 만든 까닭은 한 칸에 옷이 "
        "최대 하나뿐이고, 그것을 아는 신경망이 더 자주 맞히기 때문입니다(학습 페이지에서 비교할 수 있습니다).",
    ),

    # Saliency
    "predict.saliency_intro": (
        "A saliency map: which pixels pushed the model's probability for a class up. Each pixel's brightness times "
        "the gradient of that probability (how much a little more brightness there would raise it), computed with "
        "TensorFlow on the model in use, keeping only what raised it. Bright = looked at; a black pixel stays dark.",
        "중요도 맵(saliency map)은 어떤 픽셀이 그 클래스의 확률을 끌어올렸는지 보여 줍니다. 픽셀마다 밝기에 확률의 "
        "기울기(gradient, 그 픽셀이 조금 더 밝으면 확률이 얼마나 오르는지)를 곱한 값으로, 사용 중인 모델에서 텐서플로로 "
        "계산하고 확률을 올린 것만 남깁니다. 밝을수록 모델이 본 곳이고, 검은 픽셀은 어둡게 남습니다.",
    ),
    "predict.saliency_class": ("For the class", "확률을 볼 클래스"),
    "predict.saliency_title": ("Where {model} looked for {name}", "{model}: {name} 클래스를 찾아본 곳"),
    "predict.hottest": ("Hottest quadrant: **{quadrant}**, {share:.0%} of the heat.",
                        "가장 밝은 칸: **{quadrant}**(밝기 전체의 {share:.0%})."),
    "predict.saliency_answer": ("The model's probability for {name}: {percent:.0%}", "모델이 답한 {name}의 확률: {percent:.0%}"),
}
