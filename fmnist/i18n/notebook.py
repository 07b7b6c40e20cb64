"""Text of the notebook a student takes home (``fmnist/notebook.py``): its Markdown cells.

Markdown, one cell each; the code cells are the same in both languages.
"""

TEXT = {
    "notebook.title_dense": ("# The tutorial model, from scratch",
                             "# 튜토리얼 모델 처음부터 만들기"),
    "notebook.title_single": ("# One garment on a 2x2 canvas: the tile network, from scratch",
                              "# 2x2 캔버스의 옷 하나: 타일 신경망 처음부터 만들기"),
    "notebook.title_multi": ("# Several garments on a 2x2 canvas: the tile network, from scratch",
                             "# 2x2 캔버스의 옷 여러 개: 타일 신경망 처음부터 만들기"),
    "notebook.title_plain_single": ("# One garment on a 2x2 canvas: the plain CNN, from scratch",
                                    "# 2x2 캔버스의 옷 하나: 단순 CNN 처음부터 만들기"),
    "notebook.title_plain_multi": ("# Several garments on a 2x2 canvas: the plain CNN, from scratch",
                                   "# 2x2 캔버스의 옷 여러 개: 단순 CNN 처음부터 만들기"),
    "notebook.intro": (
        "This notebook comes from **Fashion-MNIST Studio** and rebuilds its model `{model_id}` with Keras and NumPy "
        "alone: the data, the same network, the same training recipe, the test figure and the tutorial's charts. "
        "Run the cells from top to bottom (*Run all*); a laptop without a GPU is enough. Then change the recipe "
        "and run it again.",
        "이 노트북은 **패션 MNIST 스튜디오**에서 받은 것으로, 스튜디오의 `{model_id}` 모델을 Keras와 NumPy만으로 다시 "
        "만듭니다. 데이터, 같은 신경망, 같은 학습 방법, 테스트 결과, 튜토리얼의 차트까지 모두 들어 있습니다. "
        "위에서 아래로 셀을 실행하세요(*Run all*). GPU가 없는 노트북 컴퓨터로도 충분합니다. 그다음 학습 방법을 바꿔 "
        "다시 실행해 보세요.",
    ),
    "notebook.setup": (
        "## Setup\n\nKeras builds and trains the network, NumPy holds the images, Matplotlib draws them. "
        "Install them with `pip install keras tensorflow matplotlib` if they are missing.",
        "## 준비\n\nKeras로 신경망을 만들고 학습시키며, NumPy에 이미지를 담고, Matplotlib으로 그립니다. "
        "없다면 `pip install keras tensorflow matplotlib`으로 설치하세요.",
    ),
    "notebook.recipe_dense": (
        "## The recipe\n\nThe settings of the model in the studio. `EPOCHS`: how many times the network sees the "
        "training images. `BATCH_SIZE`: images per weight update. `LEARNING_RATE`: the size of each step of the "
        "Adam optimiser. `TRAIN_SIZE`: how many training images it learns from. `SEED`: decides the data order "
        "and the first weights, so the same seed gives the same model. `HIDDEN`: units of the hidden layer. "
        "`NORMALISE`: the pixels it trains on.",
        "## 학습 방법\n\n스튜디오에서 이 모델에 쓴 설정입니다. `EPOCHS`는 신경망이 학습 이미지를 몇 번 보는지, "
        "`BATCH_SIZE`는 가중치를 한 번 바꿀 때 쓰는 이미지 수, `LEARNING_RATE`는 Adam 옵티마이저의 한 걸음 크기, "
        "`TRAIN_SIZE`는 학습에 쓰는 이미지 수입니다. `SEED`는 데이터 순서와 초기 가중치를 정하므로, 시드가 같으면 "
        "같은 모델이 나옵니다. `HIDDEN`은 은닉층의 유닛(노드) 수, `NORMALISE`는 학습에 쓰는 픽셀 값입니다.",
    ),
    "notebook.recipe_canvas": (
        "## The recipe\n\nThe settings of the model in the studio. `EPOCHS`: how many times the network sees the "
        "training garments. `BATCH_SIZE`: images per weight update. `LEARNING_RATE`: the first step size of the "
        "Adam optimiser, which then shrinks along a cosine curve to zero at the end of training. `TRAIN_SIZE`: "
        "how many training garments it learns from. `SEED`: decides the data order, the composite images and the "
        "first weights. `FLIP`: mirror a random half of the garments left-right. `WIDTH`, `BLOCKS`, `CONVS`: the "
        "shape of the tile network. `EMPTY_FRACTION`: empty tiles trained on per garment. `MIRROR_AVERAGE`: "
        "answer every tile as it is and mirrored, and average the two answers.",
        "## 학습 방법\n\n스튜디오에서 이 모델에 쓴 설정입니다. `EPOCHS`는 신경망이 학습용 옷을 몇 번 보는지, "
        "`BATCH_SIZE`는 가중치를 한 번 바꿀 때 쓰는 이미지 수입니다. `LEARNING_RATE`는 Adam 옵티마이저의 첫 걸음 "
        "크기로, 학습이 끝날 때까지 코사인 곡선을 따라 0으로 줄어듭니다. `TRAIN_SIZE`는 학습에 쓰는 옷의 수, `SEED`는 "
        "데이터 순서와 합성 이미지와 초기 가중치를 정합니다. `FLIP`은 무작위로 고른 절반의 옷을 좌우로 뒤집습니다. "
        "`WIDTH`, `BLOCKS`, `CONVS`는 타일 신경망의 모양, `EMPTY_FRACTION`은 옷 하나당 함께 학습하는 빈 타일의 비율, "
        "`MIRROR_AVERAGE`는 타일마다 그대로 한 번, 좌우로 뒤집어 한 번 답하고 두 답을 평균할지를 정합니다.",
    ),
    "notebook.recipe_plain": (
        "## The recipe\n\nThe settings of the model in the studio. `EPOCHS`: how many times the network sees the "
        "training garments. `BATCH_SIZE`: canvases per weight update. `LEARNING_RATE`: the first step size of the "
        "Adam optimiser, which then shrinks along a cosine curve to zero at the end of training. `TRAIN_SIZE`: "
        "how many training garments it learns from. `SEED`: decides the data order, the composite images and the "
        "first weights. `FLIP`: mirror a random half of the canvases left-right.",
        "## 학습 방법\n\n스튜디오에서 이 모델에 쓴 설정입니다. `EPOCHS`는 신경망이 학습용 옷을 몇 번 보는지, "
        "`BATCH_SIZE`는 가중치를 한 번 바꿀 때 쓰는 캔버스 수입니다. `LEARNING_RATE`는 Adam 옵티마이저의 첫 걸음 "
        "크기로, 학습이 끝날 때까지 코사인 곡선을 따라 0으로 줄어듭니다. `TRAIN_SIZE`는 학습에 쓰는 옷의 수, `SEED`는 "
        "데이터 순서와 합성 이미지와 초기 가중치를 정합니다. `FLIP`은 무작위로 고른 절반의 캔버스를 좌우로 뒤집습니다.",
    ),
    "notebook.data": (
        "## The data\n\nFashion-MNIST: 70,000 greyscale images of 28x28 pixels (0-255), 60,000 for training and "
        "10,000 for testing, each with a label 0-9. `keras.datasets.fashion_mnist.load_data()` downloads them. "
        "Without internet, point `{env}` (or `DATA_DIR` below) at a folder holding the four original archives "
        "(`train-images-idx3-ubyte.gz` and the others): `read_idx` reads that format, a short header and then "
        "one byte a pixel, and checks each file's SHA-256.",
        "## 데이터\n\n패션 MNIST는 28x28 픽셀(0~255)의 흑백 이미지 70,000장입니다. 60,000장은 학습용, 10,000장은 "
        "테스트용이고 모두 0~9의 레이블이 붙어 있습니다. `keras.datasets.fashion_mnist.load_data()`가 이미지를 "
        "내려받습니다. 인터넷이 없으면 원본 압축 파일 네 개(`train-images-idx3-ubyte.gz` 등)가 든 폴더 경로를 환경 "
        "변수 `{env}`(또는 아래 `DATA_DIR`)에 지정하세요. `read_idx`가 그 형식(짧은 헤더 다음에 픽셀마다 1바이트)을 읽고, "
        "파일마다 SHA-256을 확인합니다.",
    ),
    "notebook.look": (
        "The first 25 training images with their labels, as the tutorial shows them.",
        "튜토리얼처럼 처음 25장의 학습 이미지를 레이블과 함께 봅니다.",
    ),
    "notebook.split": (
        "## Training and validation sets\n\nThe studio holds {validation:,} training images out of training to "
        "validate on, the same ones for every model (`SPLIT_SEED`); the recipe's `TRAIN_SIZE` images are drawn "
        "from the rest with its `SEED`. The test set is kept for the very end.",
        "## 학습 세트와 검증 세트\n\n스튜디오는 학습 이미지 중 {validation:,}장을 학습에 쓰지 않고 검증용으로 따로 "
        "둡니다. 어느 모델이든 같은 이미지입니다(`SPLIT_SEED`). 나머지에서 `SEED`로 `TRAIN_SIZE`장을 뽑아 학습합니다. "
        "테스트 세트는 맨 마지막까지 아껴 둡니다.",
    ),
    "notebook.normalise_scale": (
        "## Normalisation\n\nPixels go from 0-255 to 0-1 (x/255), as in the tutorial: small inputs keep the first "
        "steps of training stable.",
        "## 정규화\n\n튜토리얼처럼 픽셀 값을 0~255에서 0~1로 바꿉니다(x/255). 입력이 작으면 학습 초반이 안정됩니다.",
    ),
    "notebook.normalise_raw": (
        "## No normalisation\n\nThis recipe trains on the stored pixels, 0-255, without x/255: compare its "
        "accuracy with a model trained on x/255 (the tutorial's).",
        "## 정규화 없이\n\n이 학습 방법은 x/255 없이 저장된 픽셀 값 0~255 그대로 학습합니다. x/255로 학습한 모델"
        "(튜토리얼 방식)과 정확도를 비교해 보세요.",
    ),
    "notebook.dense_model": (
        "## The model\n\nThe tutorial's network: `Flatten` turns the 28x28 image into 784 numbers, a `Dense` layer "
        "of `HIDDEN` units with ReLU learns features, and a last `Dense` layer of 10 units gives one probability per "
        "class (softmax, they sum to 1). Adam with a fixed learning rate, sparse categorical cross-entropy loss.",
        "## 모델\n\n튜토리얼의 신경망입니다. `Flatten`이 28x28 이미지를 숫자 784개로 펴고, ReLU를 쓰는 유닛 `HIDDEN`개의 "
        "`Dense` 층이 특징을 배우며, 유닛 10개인 마지막 `Dense` 층이 클래스마다 확률 하나씩을 냅니다(소프트맥스, 합이 1). "
        "옵티마이저는 학습률이 고정된 Adam, 손실은 희소 범주형 교차 엔트로피입니다.",
    ),
    "notebook.dense_train": (
        "## Training\n\nEach line is one epoch: the loss and accuracy on the training images, then on the "
        "validation images it never trains on.",
        "## 학습\n\n한 줄이 한 에포크입니다. 학습 이미지에 대한 손실과 정확도, 그리고 학습에 쓰지 않은 검증 이미지에 "
        "대한 손실과 정확도가 나옵니다.",
    ),
    "notebook.dense_test": (
        "The test set, and the model's answer for an image: ten probabilities.",
        "테스트 세트와, 이미지 한 장에 대한 모델의 답(확률 10개)입니다.",
    ),
    "notebook.compose_single": (
        "## Composite images\n\nA canvas is 56x56: a 2x2 grid of 28x28 quadrants, numbered 0 top-left, 1 "
        "top-right, 2 bottom-left, 3 bottom-right. Here each canvas holds exactly one garment in a random quadrant, "
        "and its label is that garment's class (multi-class). A canvas is described by which image sits in each "
        "quadrant (-1: empty), and `compose` draws it.",
        "## 합성 이미지\n\n캔버스는 56x56으로, 28x28 칸(사분면) 네 개가 2x2로 놓입니다. 칸 번호는 왼쪽 위 0, 오른쪽 위 1, "
        "왼쪽 아래 2, 오른쪽 아래 3입니다. 여기서는 캔버스마다 옷이 정확히 하나, 무작위 칸에 놓이고 레이블은 그 옷의 "
        "클래스입니다(다중 클래스). 캔버스는 칸마다 어느 이미지가 놓이는지(-1은 빈 칸)로 적고, `compose`가 그 캔버스를 "
        "그립니다.",
    ),
    "notebook.compose_multi": (
        "## Composite images\n\nA canvas is 56x56: a 2x2 grid of 28x28 quadrants, numbered 0 top-left, 1 "
        "top-right, 2 bottom-left, 3 bottom-right. Here each canvas holds 0 to 4 garments in distinct random "
        "quadrants, and its label is multi-hot: one box per class, 1 when that class is on the canvas (multi-label). "
        "A canvas is described by which image sits in each quadrant (-1: empty), and `compose` draws it.",
        "## 합성 이미지\n\n캔버스는 56x56으로, 28x28 칸(사분면) 네 개가 2x2로 놓입니다. 칸 번호는 왼쪽 위 0, 오른쪽 위 1, "
        "왼쪽 아래 2, 오른쪽 아래 3입니다. 여기서는 캔버스마다 옷이 0~4개, 서로 다른 무작위 칸에 놓이고, 레이블은 "
        "멀티-핫입니다. 클래스마다 한 자리가 있고 그 클래스가 캔버스에 있으면 1입니다(다중 레이블). 캔버스는 칸마다 "
        "어느 이미지가 놓이는지(-1은 빈 칸)로 적고, `compose`가 그 캔버스를 그립니다.",
    ),
    "notebook.test_canvases_single": (
        "## The test canvases\n\nEvery test image alone on its own canvas, in a quadrant drawn with `EVAL_SEED`: "
        "the very canvases the studio tests every one-garment model on. The validation images become canvases the "
        "same way.",
        "## 테스트 캔버스\n\n테스트 이미지마다 캔버스 하나에 혼자, `EVAL_SEED`로 고른 칸에 놓습니다. 스튜디오가 옷 하나 "
        "모델을 모두 평가하는 바로 그 캔버스입니다. 검증 이미지도 같은 방법으로 캔버스로 만듭니다.",
    ),
    "notebook.test_canvases_multi": (
        "## The test canvases\n\n10,000 canvases of 0-4 test garments drawn with `EVAL_SEED`: the very canvases "
        "the studio tests every several-garment model on. The validation images become canvases the same way "
        "(they choose the threshold below).",
        "## 테스트 캔버스\n\n`EVAL_SEED`로 뽑은, 테스트 옷이 0~4개 놓인 캔버스 10,000장입니다. 스튜디오가 옷 여러 개 "
        "모델을 모두 평가하는 바로 그 캔버스입니다. 검증 이미지도 같은 방법으로 캔버스로 만듭니다(아래에서 임계값을 "
        "정할 때 씁니다).",
    ),
    "notebook.tiles_single": (
        "## What the tile network learns from\n\nA garment sits inside one quadrant, so the studio's model looks "
        "at one quadrant (a *tile*) at a time and asks it: which of the ten garments is here, or is it empty "
        "(an 11th answer)? It learns from tiles: every training garment once in a random order, a random half "
        "mirrored left-right when `FLIP`, and `EMPTY_FRACTION` black tiles per garment, answered *empty*. Fresh "
        "tiles are drawn every epoch.",
        "## 타일 신경망이 배우는 것\n\n옷은 한 칸 안에 놓이므로, 스튜디오의 모델은 칸 하나(*타일*)씩 보며 이렇게 "
        "묻습니다. 여기 있는 옷은 열 가지 중 무엇인가, 아니면 비어 있는가(11번째 답)? 학습에는 타일을 씁니다. 학습용 옷을 "
        "모두 한 번씩 무작위 순서로 쓰고, `FLIP`이면 무작위로 고른 절반을 좌우로 뒤집으며, 옷 하나당 `EMPTY_FRACTION`만큼의 "
        "검은 타일에는 *비어 있음*이라고 답하게 합니다. 에포크마다 타일을 새로 뽑습니다.",
    ),
    "notebook.tiles_multi": (
        "## What the tile network learns from\n\nA garment sits inside one quadrant, so the studio's model looks "
        "at one quadrant (a *tile*) at a time and asks it: which of the ten garments is here, or is it empty? It "
        "learns from the quadrants of random canvases: garments drawn at random from the training garments (some "
        "twice, some not at all), a random half mirrored left-right when `FLIP`, and `EMPTY_FRACTION` black tiles "
        "per garment, answered *empty*. Fresh tiles are drawn every epoch.",
        "## 타일 신경망이 배우는 것\n\n옷은 한 칸 안에 놓이므로, 스튜디오의 모델은 칸 하나(*타일*)씩 보며 이렇게 "
        "묻습니다. 여기 있는 옷은 열 가지 중 무엇인가, 아니면 비어 있는가? 학습에는 무작위 캔버스의 칸을 씁니다. 캔버스의 "
        "옷은 학습용 옷에서 무작위로 뽑으므로 두 번 뽑히는 옷도, 한 번도 뽑히지 않는 옷도 있습니다. `FLIP`이면 무작위로 고른 절반을 "
        "좌우로 뒤집으며, 옷 하나당 `EMPTY_FRACTION`만큼의 검은 타일에는 *비어 있음*이라고 답하게 합니다. 에포크마다 "
        "타일을 새로 뽑습니다.",
    ),
    "notebook.tile_network": (
        "## The tile network\n\nA small CNN for one 28x28 tile: `BLOCKS` convolution blocks (each with `CONVS` "
        "convolution layers, `WIDTH` filters in the first block and twice as many in each next one, batch "
        "normalisation and ReLU, then max pooling that halves the tile), dropout, `Dense(128)` and an 11-way "
        "softmax: ten garments or empty. Adam whose learning rate follows a cosine decay, sparse categorical "
        "cross-entropy loss.",
        "## 타일 신경망\n\n28x28 타일 하나를 읽는 작은 CNN입니다. 합성곱 블록 `BLOCKS`개(블록마다 합성곱 층 `CONVS`개, "
        "필터는 첫 블록 `WIDTH`개에서 블록마다 두 배, 배치 정규화와 ReLU, 그리고 타일을 절반으로 줄이는 최대 풀링), 드롭아웃, "
        "`Dense(128)`, 그리고 답 11개의 소프트맥스(옷 열 가지 또는 비어 있음)로 이루어집니다. 옵티마이저는 학습률이 "
        "코사인 곡선을 따라 줄어드는 Adam, 손실은 희소 범주형 교차 엔트로피입니다.",
    ),
    "notebook.tile_network_sigmoid": (
        "## The tile network\n\nA small CNN for one 28x28 tile: `BLOCKS` convolution blocks (each with `CONVS` "
        "convolution layers, `WIDTH` filters in the first block and twice as many in each next one, batch "
        "normalisation and ReLU, then max pooling that halves the tile), dropout, `Dense(128)` and ten sigmoids: "
        "for each class, is it in this tile? An empty tile should answer no ten times. Adam whose learning rate "
        "follows a cosine decay, binary cross-entropy loss; its accuracy is the exact match (all ten answers right).",
        "## 타일 신경망\n\n28x28 타일 하나를 읽는 작은 CNN입니다. 합성곱 블록 `BLOCKS`개(블록마다 합성곱 층 `CONVS`개, "
        "필터는 첫 블록 `WIDTH`개에서 블록마다 두 배, 배치 정규화와 ReLU, 그리고 타일을 절반으로 줄이는 최대 풀링), 드롭아웃, "
        "`Dense(128)`, 그리고 시그모이드 10개(클래스마다 이 타일에 있는가)로 이루어집니다. 빈 타일은 열 번 모두 "
        "아니요라고 답해야 합니다. 옵티마이저는 학습률이 코사인 곡선을 따라 줄어드는 Adam, 손실은 이진 교차 "
        "엔트로피이고, 정확도로는 완전 일치율(답 열 개가 모두 맞은 비율)을 봅니다.",
    ),
    "notebook.tiles_train_single": (
        "## Training, and the canvas model\n\nEach line is one epoch on fresh tiles, checked on validation tiles. "
        "Then the canvas model: cut a canvas into its four tiles, let the tile network answer each, and add up the "
        "four answers for each garment, renormalised so that the ten probabilities sum to 1 (the one garment is "
        "in one of the tiles).",
        "## 학습, 그리고 캔버스 모델\n\n한 줄이 새 타일로 학습한 한 에포크이고, 검증 타일로 확인합니다. 그다음 캔버스 "
        "모델입니다. 캔버스를 타일 네 개로 자르고, 타일 신경망이 타일마다 답하게 한 다음, 옷마다 네 답을 더하고 확률 "
        "10개의 합이 1이 되도록 다시 나눕니다(옷 하나는 네 타일 중 하나에 있습니다).",
    ),
    "notebook.tiles_train_multi": (
        "## Training, and the canvas model\n\nEach line is one epoch on fresh tiles, checked on validation tiles. "
        "Then the canvas model: cut a canvas into its four tiles, let the tile network answer each, and for each "
        "class take the probability that it is in at least one tile: 1 - (1 - p1)(1 - p2)(1 - p3)(1 - p4). Ten "
        "independent probabilities: they need not sum to 1.",
        "## 학습, 그리고 캔버스 모델\n\n한 줄이 새 타일로 학습한 한 에포크이고, 검증 타일로 확인합니다. 그다음 캔버스 "
        "모델입니다. 캔버스를 타일 네 개로 자르고, 타일 신경망이 타일마다 답하게 한 다음, 클래스마다 적어도 한 타일에 "
        "있을 확률 1 - (1 - p1)(1 - p2)(1 - p3)(1 - p4)를 구합니다. 서로 독립인 확률 10개이므로 합이 1일 필요는 "
        "없습니다.",
    ),
    "notebook.mirror": (
        "This model also averages: each tile is answered as it is and mirrored left-right, and the two answers are "
        "averaged (twice the compute of an answer; training is unchanged).",
        "이 모델은 평균도 냅니다. 타일마다 그대로 한 번, 좌우로 뒤집어 한 번 답하고 두 답을 평균합니다(답 하나에 "
        "계산이 두 배, 학습은 그대로).",
    ),
    "notebook.plain_canvases": (
        "## What the plain CNN learns from\n\nWhole canvases, as the original notebook meant to train it: as many "
        "canvases as training garments, drawn anew every epoch, a random half mirrored left-right when `FLIP` "
        "(garments and quadrants both: the label does not change).",
        "## 단순 CNN이 배우는 것\n\n원본 노트북이 의도한 대로 캔버스 전체로 학습합니다. 학습용 옷의 수만큼 캔버스를 "
        "에포크마다 새로 뽑고, `FLIP`이면 무작위로 고른 절반의 캔버스를 좌우로 뒤집습니다(옷도 칸도 뒤집히지만 레이블은 "
        "그대로입니다).",
    ),
    "notebook.plain_network_single": (
        "## The plain CNN\n\nThe original notebook's model, finished: one CNN over the whole 56x56 canvas, which has "
        "to find out by itself that garments sit in quadrants. Three convolution blocks of 16, 32 and 64 filters, "
        "each halving the canvas (56, 28, 14, 7), then `Dense(128)` and `Dense(10)` with softmax on the one-hot "
        "label, categorical cross-entropy loss, Adam whose learning rate follows a cosine decay.",
        "## 단순 CNN\n\n원본 노트북의 모델을 완성한 것입니다. 신경망 하나가 56x56 캔버스 전체를 보며, 옷이 칸 안에 "
        "놓인다는 것을 스스로 알아내야 합니다. 필터 16, 32, 64개의 합성곱 블록 세 개가 캔버스를 절반씩 줄이고(56, 28, 14, "
        "7), 그다음 `Dense(128)`, 그리고 원-핫 레이블에 맞춘 소프트맥스 `Dense(10)`입니다. 손실은 범주형 교차 엔트로피, "
        "옵티마이저는 학습률이 코사인 곡선을 따라 줄어드는 Adam입니다.",
    ),
    "notebook.plain_network_multi": (
        "## The plain CNN\n\nThe original notebook's model, finished: one CNN over the whole 56x56 canvas, which has "
        "to find out by itself that garments sit in quadrants. Three convolution blocks of 16, 32 and 64 filters, "
        "each halving the canvas (56, 28, 14, 7), then `Dense(128)` and ten sigmoids, one yes/no answer per class, "
        "trained with binary cross-entropy on the multi-hot label; its accuracy is the exact match (all ten answers "
        "right). Adam whose learning rate follows a cosine decay.",
        "## 단순 CNN\n\n원본 노트북의 모델을 완성한 것입니다. 신경망 하나가 56x56 캔버스 전체를 보며, 옷이 칸 안에 "
        "놓인다는 것을 스스로 알아내야 합니다. 필터 16, 32, 64개의 합성곱 블록 세 개가 캔버스를 절반씩 줄이고(56, 28, 14, "
        "7), 그다음 `Dense(128)`, 그리고 클래스마다 예/아니요 하나를 답하는 시그모이드 10개입니다. 멀티-핫 레이블에 대한 "
        "이진 교차 엔트로피로 학습하고, 정확도로는 완전 일치율(답 열 개가 모두 맞은 비율)을 봅니다. 옵티마이저는 학습률이 "
        "코사인 곡선을 따라 줄어드는 Adam입니다.",
    ),
    "notebook.plain_train": (
        "## Training\n\nEach line is one epoch on fresh canvases, checked on the validation canvases.",
        "## 학습\n\n한 줄이 새 캔버스로 학습한 한 에포크이고, 검증 캔버스로 확인합니다.",
    ),
    "notebook.threshold": (
        "## The threshold\n\nA class is answered *present* when its probability reaches the threshold. The studio "
        "chooses it on the validation canvases: the threshold from 0.05 to 0.95 with the best exact match, the share "
        "of canvases whose ten answers are all right.",
        "## 임계값\n\n확률이 임계값 이상인 클래스는 *있다*고 답합니다. 스튜디오는 검증 캔버스에서 임계값을 정합니다. "
        "0.05부터 0.95까지 중 완전 일치율(답 열 개가 모두 맞은 캔버스의 비율)이 가장 높은 값입니다.",
    ),
    "notebook.test_dense": (
        "## Test accuracy\n\nThe share of the 10,000 test images whose most probable class is their label. The "
        "model has never seen them: this is the figure to compare with the studio's.",
        "## 테스트 정확도\n\n테스트 이미지 10,000장 중 확률이 가장 높은 클래스가 레이블과 같은 비율입니다. 모델이 한 번도 "
        "보지 않은 이미지이므로, 스튜디오가 잰 값과 비교할 숫자가 바로 이것입니다.",
    ),
    "notebook.test_single": (
        "## Test accuracy\n\nThe share of the test canvases whose most probable class is the garment's class. The "
        "model has never seen them: this is the figure to compare with the studio's.",
        "## 테스트 정확도\n\n테스트 캔버스 중 확률이 가장 높은 클래스가 옷의 클래스와 같은 비율입니다. 모델이 한 번도 "
        "보지 않은 캔버스이므로, 스튜디오가 잰 값과 비교할 숫자가 바로 이것입니다.",
    ),
    "notebook.test_multi": (
        "## Test figures\n\nExact match: the share of test canvases whose ten yes/no answers are all right (an empty "
        "canvas answered *nothing* counts as right). Micro-F1: every (canvas, class) answer pooled, 2TP / (2TP + FP "
        "+ FN). Both at the threshold chosen above.",
        "## 테스트 결과\n\n완전 일치율은 답 열 개(예/아니요)가 모두 맞은 테스트 캔버스의 비율입니다(빈 캔버스에 "
        "*아무것도 없음*이라고 답하면 맞은 것입니다). 마이크로 F1은 캔버스마다, 클래스마다 낸 답을 모두 모아 2TP / (2TP "
        "+ FP + FN)으로 계산합니다. 둘 다 위에서 정한 임계값으로 잽니다.",
    ),
    "notebook.compare_dense": (
        "The studio measured this model on the same test set. The tutorial model is trained here as in the studio, "
        "so it should land on the studio's figure to rounding (within {points:g} points).",
        "스튜디오도 같은 테스트 세트에서 이 모델을 평가했습니다. 튜토리얼 모델은 여기서도 스튜디오와 똑같이 학습하므로, "
        "반올림 차이 안에서({points:g}%p 이내) 스튜디오의 값과 같아야 합니다.",
    ),
    "notebook.compare_canvas": (
        "The studio measured this model on the same test set. A canvas model should land within about {points:g} "
        "points of the studio's figure: its training examples are drawn in another order here, so its weights "
        "differ a little.",
        "스튜디오도 같은 테스트 세트에서 이 모델을 평가했습니다. 캔버스 모델은 스튜디오의 값에서 약 {points:g}%p 안에 "
        "들어야 합니다. 여기서는 학습 데이터를 다른 순서로 뽑으므로 가중치가 조금 다릅니다.",
    ),
    "notebook.plots": (
        "## Looking at the answers\n\nThe tutorial's two charts for the first 15 test images: `plot_image` shows the "
        "image with the predicted class, its probability and the true class, in blue when right and red when wrong. "
        "`plot_value_array` shows the ten probabilities as grey bars: the predicted class in red, the true class in "
        "blue (a right answer is one blue bar).",
        "## 답 살펴보기\n\n처음 15장의 테스트 이미지에 튜토리얼의 두 차트를 그립니다. `plot_image`는 이미지와 함께 예측 "
        "클래스, 그 확률, 정답 클래스를 보여 주며, 맞으면 파란색, 틀리면 빨간색입니다. `plot_value_array`는 확률 10개를 "
        "회색 막대로 보여 주고, 예측 클래스는 빨간색, 정답 클래스는 파란색입니다(맞은 답은 파란 막대 하나).",
    ),
    "notebook.plots_multi": (
        "## Looking at the answers\n\nThe tutorial's two charts, for several garments, on the first 15 test "
        "canvases: `plot_image` names the classes answered *present* and, in brackets, the classes really there, "
        "in blue when all ten answers are right and red otherwise. `plot_value_array` shows the ten probabilities "
        "as grey bars with the threshold dotted: classes answered present in red, classes really there in blue.",
        "## 답 살펴보기\n\n처음 15장의 테스트 캔버스에 튜토리얼의 두 차트를 옷 여러 개에 맞게 그립니다. `plot_image`는 "
        "*있다*고 답한 클래스와, 괄호 안에 실제로 있는 클래스를 적으며, 답 열 개가 모두 맞으면 파란색, 아니면 "
        "빨간색입니다. `plot_value_array`는 확률 10개를 회색 막대로, 임계값을 점선으로 보여 주고, 있다고 답한 클래스는 "
        "빨간색, 실제로 있는 클래스는 파란색입니다.",
    ),
    "notebook.next_dense": (
        "## Your turn\n\nChange the recipe at the top and run everything again (*Run all*): more epochs, more "
        "or fewer hidden units, another learning rate, `NORMALISE = \"raw\"`. Which change moves the test accuracy, "
        "and which only the training accuracy?",
        "## 직접 해 보기\n\n맨 위의 학습 방법을 바꾸고 모두 다시 실행하세요(*Run all*). 에포크를 늘리거나, 은닉 유닛을 "
        "늘리거나 줄이거나, 학습률을 바꾸거나, `NORMALISE = \"raw\"`로 해 보세요. 어떤 변화가 테스트 정확도를 움직이고, "
        "어떤 변화는 학습 정확도만 움직이나요?",
    ),
    "notebook.next_canvas": (
        "## Your turn\n\nChange the recipe at the top and run everything again (*Run all*): more epochs, more "
        "training garments, another learning rate, `FLIP = False`. Which change moves the test figure most?",
        "## 직접 해 보기\n\n맨 위의 학습 방법을 바꾸고 모두 다시 실행하세요(*Run all*). 에포크나 학습용 옷을 늘리거나, "
        "학습률을 바꾸거나, `FLIP = False`로 해 보세요. 어떤 변화가 테스트 결과를 가장 많이 움직이나요?",
    ),
}
